import ArgumentParser
import VaultCore

extension Vault {
    struct Unset: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unset",
            abstract: "Print the script that restores what 'vault env' replaced (same as 'vault env --unset').")

        @Option(help: ArgumentHelp(stringLiteral: ShellKind.names + " (default: the shell that runs vault, else $SHELL)."))
        var shell: String?

        func run() throws {
            let settings = Settings.process()
            let kind = try ShellKind.detect(explicit: shell, settings: settings)
            Output.standardOutput(kind.shell.deactivate())
        }
    }
}
