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
            Export.self,
            Clear.self,
            Rotate.self,
            Login.self,
            Doctor.self,
        ]
    )

    /// Runs the command and turns a `VaultError` into one `vault: …` line on
    /// stderr and its exit status; ArgumentParser reports its own errors.
    static func main() {
        // `vault --version` is what scripts and prompt frameworks call most
        // often; answering it before ArgumentParser builds the command tree
        // keeps it at the start-up cost of the binary itself.
        if CommandLine.arguments.count == 2, CommandLine.arguments[1] == "--version" {
            Output.standardOutput(VaultVersion.current + "\n")
            return
        }
        do {
            var command = try parseAsRoot()
            try command.run()
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
