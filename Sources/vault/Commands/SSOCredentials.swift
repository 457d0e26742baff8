import ArgumentParser
import VaultCore

extension Vault {
    /// Runs `SSOCredentialsSource` on its own, without the chain or the
    /// session cache (so every call reaches the portal), and prints what it
    /// got in the `credential_process` format: the tests of the token cache
    /// and its refresh use it. People use `vault export --format json`.
    struct SSOCredentialsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "credentials",
            abstract: "Print an SSO profile's role credentials as credential_process JSON.",
            shouldDisplay: false)

        @Argument(help: "An SSO profile (sso_account_id and sso_role_name).", completion: .profiles)
        var profile: String

        @Flag(help: "Print the sign-in URL and code instead of opening a browser, if a sign-in is needed.")
        var noBrowser = false

        @Flag(help: "Fail with 'run vault sso login' instead of starting a sign-in.")
        var noSignIn = false

        func run() throws {
            let settings = Settings.process()
            let file = try settings.loadConfig()
            let resolved = try ProfileResolver(file: file, settings: settings).resolve(profile)
            let source = try SSOCredentialsSource(
                profile: try SSOConfig.profile(resolved, file: file), settings: settings, transport: CurlTransport.shared,
                options: SSOSignInOptions(allowSignIn: !noSignIn, openBrowser: !noBrowser, profile: profile))
            Output.standardOutput(try ExportFormat.json.render(try source.issue(region: resolved.region)))
        }
    }
}
