import ArgumentParser
import VaultCore

extension Vault {
    struct Hook: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hook",
            abstract: "Print the shell code that applies .vaultrc files and refreshes credentials at each prompt.",
            discussion: """
                ~/.bashrc: eval "$(vault hook bash)"   ~/.zshrc: eval "$(vault hook zsh)"
                ~/.config/fish/config.fish: vault hook fish | source
                ~/.tcshrc: eval "`vault hook tcsh`"
                ~/.xonshrc: execx($(vault hook xonsh))
                elvish: vault hook elvish > ~/.config/elvish/lib/vault.elv, and in rc.elv: use vault
                """)

        @Argument(help: ArgumentHelp(stringLiteral: ShellKind.names + "."), completion: .list(ShellKind.allCases.map(\.rawValue)))
        var shell: String

        func run() throws {
            guard let kind = ShellKind(name: shell) else { throw ShellError.unsupported(name: shell) }
            Output.standardOutput(kind.shell.hook)
        }
    }
}
