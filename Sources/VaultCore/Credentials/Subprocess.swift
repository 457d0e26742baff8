#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import CShims

/// Runs a helper command (credential_process, mfa_process, pass, the browser):
/// stdout captured, stdin (unless `input` is given: then a pipe fed with it, how
/// secrets reach a child without argv) and (optionally) stderr left on the caller's.
/// Hand-written over fork/execve (CShims/hygiene.c) because the child must
/// join a new session keyring before it runs, which posix_spawn cannot do,
/// and Foundation's Process pulls in the full Foundation (start-up time).
package enum Subprocess {
    package struct Result {
        package var status: Int32
        package var standardOutput: Data
        package var standardError: Data
    }

    /// Runs `argv` (argv[0] a path) and waits for it. `environment` defaults
    /// to vault's own; either way vault's secret variables are taken out
    /// (`Settings.childEnvironment`), and the child runs in a fresh session
    /// keyring (`vault_spawn`), so it reaches none of vault's secrets.
    package static func run(
        _ argv: [String], captureStandardError: Bool = false, environment: [String: String]? = nil, input: Data? = nil
    ) throws -> Result {
        var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0], inPipe: [Int32] = [-1, -1]
        // Close-on-exec: the child gets only the ends dup2'd onto 1 and 2.
        guard vault_pipe_cloexec(&outPipe) == 0 else { throw SubprocessError.spawn(command: argv[0], errno: errno) }
        if captureStandardError, vault_pipe_cloexec(&errPipe) != 0 {
            let code = errno
            close(outPipe[0])
            close(outPipe[1])
            throw SubprocessError.spawn(command: argv[0], errno: code)
        }
        if input != nil, vault_pipe_cloexec(&inPipe) != 0 {
            let code = errno
            for fd in outPipe + (captureStandardError ? errPipe : []) { close(fd) }
            throw SubprocessError.spawn(command: argv[0], errno: code)
        }
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var cEnv = Settings.childEnvironmentBlock(environment ?? Settings.process().environment)
        defer { cEnv.forEach { free($0) } }
        var failure: Int32 = 0
        let pid = vault_spawn(argv[0], &cArgs, &cEnv, inPipe[0], outPipe[1], captureStandardError ? errPipe[1] : -1, &failure)
        close(outPipe[1])
        if captureStandardError { close(errPipe[1]) }
        if input != nil { close(inPipe[0]) }
        guard pid > 0 else {
            close(outPipe[0])
            if captureStandardError { close(errPipe[0]) }
            if input != nil { close(inPipe[1]) }
            throw SubprocessError.spawn(command: argv[0], errno: failure)
        }
        // Feed stdin on a thread (a child may write before it reads), with
        // SIGPIPE blocked there: a child that exits unread is an exit status, not our death.
        var inThread: pthread_t?
        if let input {
            let fd = inPipe[1]
            inThread = Threads.start {
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
            errThread = Threads.start { errData = FileBytes.readAll(fd) ?? Data() }
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
