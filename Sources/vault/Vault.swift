import ArgumentParser
import VaultCore

@main
struct Vault: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vault",
        abstract: "Keep AWS keys out of plaintext; hand shells short-lived STS credentials.",
        version: VaultVersion.current,
        subcommands: [
            List.self,
            Config.self,
            Add.self,
            Remove.self,
            Lock.self,
            Env.self,
            Unset.self,
            Hook.self,
            HookApply.self,
            Allow.self,
            Deny.self,
            Prompt.self,
            Status.self,
            Exec.self,
            Serve.self,
            Export.self,
            Clear.self,
            Rotate.self,
            Migrate.self,
            Login.self,
            SSO.self,
            Doctor.self,
        ]
    )

    /// Runs the command and turns a `VaultError` into one `vault: …` line on
    /// stderr and its exit status; ArgumentParser reports its own errors.
    static func main() {
        // Before anything can hold a secret: no core dump, no ptrace by the same user.
        if let problem = ProcessHygiene.harden() {
            Output.error("cannot make vault's memory private (\(problem)); refusing to run")
            Output.exit(1)
        }
        // The commands run most often are answered before ArgumentParser builds
        // the command tree (by reflection: about 2 ms), which keeps them at the
        // start-up cost of the binary itself.
        let given = Array(CommandLine.arguments.dropFirst())
        if given == ["--version"] {
            Output.standardOutput(VaultVersion.current + "\n")
            return
        }
        // Prompt frameworks run `vault prompt` at every prompt: the same.
        if given == ["prompt"] {
            Prompt.printSegment()
            return
        }
        // Tab completion runs `vault list --profiles` on every Tab: skip the command tree there too.
        if given == ["list", "--profiles"] || given == ["ls", "--profiles"] {
            attempt { try List.printProfileNames(configFile: Settings.processConfigFilePath()) }
            return
        }
        // --debug (any command) or VAULT_DEBUG=1: one line a step on stderr.
        let (debug, arguments) = DebugFlag.extract(given)
        Debug.enabled = debug || Settings.process().debug
        // credential_process and the shell hook: see HotArguments.
        if let hot = HotArguments.parse(arguments) {
            attempt { try hot.run() }
            return
        }
        attempt {
            var parsed = try parseAsRoot(Exec.markingMissingProfile(arguments))
            try parsed.run()
        }
    }

    /// Runs `body`; a `VaultError` becomes one `vault: …` line on stderr and
    /// its exit status, any other error is reported as ArgumentParser would.
    private static func attempt(_ body: () throws -> Void) {
        do {
            try body()
        } catch let error as VaultError {
            Output.error(error.message)
            Output.exit(error.exitCode)
        } catch {
            // Help and --version are "errors" that succeed: let ArgumentParser print them.
            let code = exitCode(for: error)
            guard code != .success else { exit(withError: error) }
            // Bad usage: one `vault: …` line, as for every other error.
            let message = fullMessage(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments"
            let trimmed = message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message
            Output.error(trimmed + "; see 'vault --help'")
            Output.exit(code.rawValue)
        }
    }
}
