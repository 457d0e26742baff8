import CShims
#if canImport(Glibc)
import Glibc
#endif

/// `vault exec`: becomes the command (execvpe), so signals, the terminal and
/// the exit status are the command's own and no vault process lingers.
/// The command gets a fresh session keyring and no secret variable of
/// vault's, so it reaches neither the unlock cache nor the passphrase.
package enum ProcessReplacement {
    package static func exec(_ argv: [String], environment: [String: String]) throws -> Never {
        guard vault_prepare_child() == 0 else { throw ExecError.noKeyringOfItsOwn(command: argv[0], errno: errno) }
        var cArgs = argv.map { strdup($0) } + [nil]
        var cEnv = Settings.childEnvironmentBlock(environment)
        var code = ENOENT
        for path in candidates(argv[0], searchPath: environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin") {
            execve(path, &cArgs, &cEnv)
            // Keep the most telling error: a command found but not runnable beats "not found".
            if errno != ENOENT { code = errno }
        }
        cArgs.forEach { free($0) }
        cEnv.forEach { free($0) }
        throw ExecError.cannotRun(command: argv[0], errno: code)
    }
}

extension ProcessReplacement {
    /// Where `execvp` would look for `command`, in the child's PATH.
    static func candidates(_ command: String, searchPath: String) -> [String] {
        if command.contains("/") { return [command] }
        return searchPath.split(separator: ":", omittingEmptySubsequences: false).map { dir in
            (dir.isEmpty ? "." : String(dir)) + "/" + command
        }
    }
}

package enum ExecError: VaultError {
    case cannotRun(command: String, errno: Int32)
    case noKeyringOfItsOwn(command: String, errno: Int32)

    package var message: String {
        switch self {
        case .cannotRun(let command, let code):
            "cannot run \(ConfigError.clip(command)): \(String(cString: strerror(code))); check the command name and your PATH"
        case .noKeyringOfItsOwn(let command, let code):
            "did not run \(ConfigError.clip(command)): it could not be given a session keyring of its own (\(String(cString: strerror(code)))), and it would reach vault's unlock key; run vault lock, or set AWS_VAULT_FILE_UNLOCK_TTL=0"
        }
    }

    package var exitCode: Int32 {
        switch self {
        case .cannotRun(_, let code): code == ENOENT ? 127 : 126
        case .noKeyringOfItsOwn: 126
        }
    }
}
