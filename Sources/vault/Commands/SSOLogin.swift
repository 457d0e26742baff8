import ArgumentParser
import VaultCore

extension Vault {
    struct SSOLogin: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "login",
            abstract: "Sign in to IAM Identity Center with the device code flow; the token is cached for vault and the AWS CLI.",
            discussion: """
                The sign-in page opens with $BROWSER or xdg-open; with --no-browser (e.g. over SSH) the URL and \
                code are only printed, to stderr, to open on any device. Like `aws sso login`, this always signs \
                in anew; other commands renew an expired token with its refresh token instead.
                """)

        @OptionGroup var target: SSOTarget

        @Flag(help: "Print the sign-in URL and code instead of opening a browser.")
        var noBrowser = false

        func run() throws {
            let settings = Settings.process()
            guard let session = try target.session(settings: settings) else {
                throw ValidationError("name an SSO profile or --sso-session NAME")
            }
            let provider = try SSOTokenProvider(
                session: session, settings: settings, transport: CurlTransport.shared,
                options: SSOSignInOptions(allowSignIn: true, openBrowser: !noBrowser, profile: target.profile))
            _ = try provider.signIn()
        }
    }
}
