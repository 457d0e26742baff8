import ArgumentParser
import VaultCore

extension Vault {
    /// Called by the hook when something changed; prints the script to apply.
    struct HookApply: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hook-apply",
            abstract: "Used by the shell hook.",
            shouldDisplay: false)

        @Argument var shell: String
        /// `key=value` words (why, rc, origin, profile, region, duration,
        /// no-session, pid): empty values and values starting with `-` pass as they are.
        @Argument var state: [String] = []

        var hot: HotCommand { .hookApply(shell: shell, state: state) }

        func run() throws { try hot.run() }

        static func run(shell: String, state: [String]) throws {
            let settings = Settings.process()
            guard let kind = ShellKind(name: shell) else { throw ShellError.unsupported(name: shell) }
            var values: [String: String] = [:]
            for word in state {
                guard let equals = word.firstIndex(of: "=") else { throw ValidationError("expected key=value, got '\(word)'") }
                values[String(word[..<equals])] = String(word[word.index(after: equals)...])
            }
            let integration = ShellIntegration(
                settings: settings, shell: kind.shell, issuer: ShellIssuers.service(settings, KeyringChoice()))
            var hookState = ShellIntegration.HookState(
                rcPath: values["rc"] ?? "", origin: values["origin"] ?? "", profile: values["profile"] ?? "",
                region: values["region"] ?? "", duration: values["duration"].flatMap { Int($0) },
                noSession: !(values["no-session"] ?? "").isEmpty, refreshOnly: values["why"] == "refresh")
            hookState.shellPID = values["pid"].flatMap { Int32($0) } ?? 0
            var messages: [String] = []
            defer { messages.forEach(Output.error) }
            Output.standardOutput(try integration.hookApply(hookState, messages: &messages))
        }
    }
}
