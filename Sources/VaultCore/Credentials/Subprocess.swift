#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Runs a helper command (credential_process, mfa_process) with posix_spawn:
/// stdout captured, stdin and (optionally) stderr left on the caller's.
/// Hand-written over posix_spawn because Foundation's Process pulls in the
/// full Foundation, which costs start-up time on every command.
package enum Subprocess {
    package struct Result {
        package var status: Int32
        package var standardOutput: Data
        package var standardError: Data
    }

    package static func run(_ argv: [String], captureStandardError: Bool = false, environment: [String: String]? = nil) throws -> Result {
        var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0, !captureStandardError || pipe(&errPipe) == 0 else {
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
        guard spawnStatus == 0 else {
            close(outPipe[0])
            if captureStandardError { close(errPipe[0]) }
            throw SubprocessError.spawn(command: argv[0], errno: spawnStatus)
        }
        // Read both pipes without deadlocking on a full one: stderr on a thread.
        nonisolated(unsafe) var errData = Data()
        var errThread: pthread_t?
        if captureStandardError {
            let fd = errPipe[0]
            errThread = Threads.start { errData = FileBytes.readAll(fd) ?? Data() }
        }
        let outData = FileBytes.readAll(outPipe[0]) ?? Data()
        if let errThread { pthread_join(errThread, nil) }
        close(outPipe[0])
        if captureStandardError { close(errPipe[0]) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitStatus: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: exitStatus, standardOutput: outData, standardError: errData)
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
