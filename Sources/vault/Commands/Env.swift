import ArgumentParser
import VaultCore

extension Vault {
    struct Env: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "env",
            abstract: "Print a script that puts a profile's credentials into this shell.",
            discussion: """
                bash/zsh: eval "$(vault env PROFILE)"   fish: vault env PROFILE | source
                The values there before are kept in unexported shell variables; \
                'vault env --unset' (or 'vault unset') puts them back.
                """)

        @Argument(help: "The profile.", completion: .profiles)
        var profile: String?

        @Option(help: "bash, zsh or fish (default: the shell that runs vault, else $SHELL).")
        var shell: String?

        @Option(name: [.customShort("d"), .long], help: "Session duration, e.g. 1h or 3600.")
        var duration: String?

        @Flag(name: [.customShort("n"), .long], help: "Use the stored keys, no STS session.")
        var noSession = false

        @Option(name: [.customShort("t"), .customLong("mfa-token")], help: "MFA code.")
        var mfaToken: String?

        @Option(help: "Region to set (AWS_REGION, AWS_DEFAULT_REGION).")
        var region: String?

        @Flag(help: "Print the script that restores what was there before.")
        var unset = false

        func validate() throws {
            if unset != (profile == nil) {
                throw ValidationError(unset ? "--unset takes no profile" : "name a profile, or pass --unset")
            }
            if let duration, Settings.parseSeconds(duration) == nil {
                throw ValidationError("--duration '\(duration)' is not a duration such as 1h, 90m or 3600")
            }
        }

        func run() throws {
            let settings = Settings.process()
            let kind = try ShellKind.detect(explicit: shell, settings: settings)
            let integration = ShellIntegration(settings: settings, shell: kind.shell, issuer: InterimCredentialIssuer(settings: settings))
            if unset {
                Output.standardOutput(integration.deactivate())
                return
            }
            let request = ShellCredentialRequest(
                profile: profile!, region: region, duration: duration.flatMap(Settings.parseSeconds),
                noSession: noSession, mfaToken: mfaToken)
            Output.standardOutput(try integration.activate(request, origin: "env"))
        }
    }
}
