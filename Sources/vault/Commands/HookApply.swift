import ArgumentParser
import VaultCore

extension Vault {
    /// Called by the hook when something changed; prints the script to apply.
    struct HookApply: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hook-apply",
            abstract: "Used by the shell hook.",
            shouldDisplay: false)

        @Option var shell: String
        @Option var why: String = "change"
        @Option var rc: String = ""
        @Option var origin: String = ""
        @Option var profile: String = ""
        @Option var region: String = ""
        @Option var duration: String = ""
        @Option(name: .customLong("no-session")) var noSession: String = ""

        func run() throws {
            let settings = Settings.process()
            guard let kind = ShellKind(name: shell) else { throw ShellError.unsupported(name: shell) }
            let integration = ShellIntegration(settings: settings, shell: kind.shell, issuer: InterimCredentialIssuer(settings: settings))
            let state = ShellIntegration.HookState(
                rcPath: rc, origin: origin, profile: profile, region: region,
                duration: Int(duration), noSession: !noSession.isEmpty, refreshOnly: why == "refresh")
            var messages: [String] = []
            defer { messages.forEach(Output.error) }
            Output.standardOutput(try integration.hookApply(state, messages: &messages))
        }
    }
}
