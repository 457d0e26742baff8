#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Runs a helper command (credential_process, mfa_process, pass) with posix_spawn:
/// stdout captured, stdin (unless `input` is given: then a pipe fed with it, how
/// secrets reach a child without argv) and (optionally) stderr left on the caller's.
/// Hand-written over posix_spawn because Foundation's Process pulls in the
/// full Foundation, which costs start-up time on every command.
package enum Subprocess {
    package struct Result {
        package var status: Int32
        package var standardOutput: Data
        package var standardError: Data
    }

    package static func run(
        _ argv: [String], captureStandardError: Bool = false, environment: [String: String]? = nil, input: Data? = nil
    ) throws -> Result {
        var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0], inPipe: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0, !captureStandardError || pipe(&errPipe) == 0, input == nil || pipe(&inPipe) == 0
        else {
            throw SubprocessError.spawn(command: argv.joined(separator: " "), errno: errno)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_addclose(&actions, outPipe[0])
        posix_spawn_file_actions_addclose(&actions, outPipe[1])
        if captureStandardError {
            posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
            posix_spawn_file_actions_addclose(&actions, errPipe[0])
            posix_spawn_file_actions_addclose(&actions, errPipe[1])
        }
        if input != nil {
            posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
            posix_spawn_file_actions_addclose(&actions, inPipe[0])
            posix_spawn_file_actions_addclose(&actions, inPipe[1])
        }
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        let spawnStatus: Int32
        if let environment {
            var cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
            defer { cEnv.forEach { free($0) } }
            spawnStatus = posix_spawn(&pid, argv[0], &actions, nil, &cArgs, &cEnv)
        } else {
            spawnStatus = posix_spawn(&pid, argv[0], &actions, nil, &cArgs, environ)
        }
        close(outPipe[1])
        if captureStandardError { close(errPipe[1]) }
        if input != nil { close(inPipe[0]) }
        guard spawnStatus == 0 else {
            close(outPipe[0])
            if captureStandardError { close(errPipe[0]) }
            if input != nil { close(inPipe[1]) }
            throw SubprocessError.spawn(command: argv[0], errno: spawnStatus)
        }
        // Feed stdin on a thread (a child may write before it reads), with
        // SIGPIPE blocked there: a child that exits unread is an exit status, not our death.
        var inThread: pthread_t?
        if let input {
            let fd = inPipe[1]
            inThread = startThread {
                var pipeSignal = sigset_t()
                sigemptyset(&pipeSignal)
                sigaddset(&pipeSignal, SIGPIPE)
                pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
                if !FileBytes.writeAll(fd, input) && errno == EPIPE {
                    var zero = timespec()
                    _ = sigtimedwait(&pipeSignal, nil, &zero)  // drop the pending SIGPIPE
                }
                close(fd)
            }
            if inThread == nil { close(fd) }
        }
        // Read both pipes without deadlocking on a full one: stderr on a thread.
        nonisolated(unsafe) var errData = Data()
        var errThread: pthread_t?
        if captureStandardError {
            let fd = errPipe[0]
            errThread = startThread { errData = FileBytes.readAll(fd) ?? Data() }
        }
        let outData = FileBytes.readAll(outPipe[0]) ?? Data()
        if let errThread { pthread_join(errThread, nil) }
        if let inThread { pthread_join(inThread, nil) }
        close(outPipe[0])
        if captureStandardError { close(errPipe[0]) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitStatus: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: exitStatus, standardOutput: outData, standardError: errData)
    }

    private final class Box { let body: () -> Void; init(_ body: @escaping () -> Void) { self.body = body } }

    private static func startThread(_ body: @escaping () -> Void) -> pthread_t? {
        var thread = pthread_t()
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        let rc = pthread_create(&thread, nil, { raw in
            let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
            box.body()
            return nil
        }, box)
        return rc == 0 ? thread : nil
    }
}

package enum SubprocessError: VaultError {
    case spawn(command: String, errno: Int32)

    package var message: String {
        switch self {
        case .spawn(let command, let code):
            "cannot run \(ConfigError.clip(command)): \(String(cString: strerror(code))); check that it exists and is executable"
        }
    }
}
