import ArgumentParser
import VaultCore

extension Vault {
    /// `vault sso …`: IAM Identity Center sign-in, sign-out and profile set-up.
    struct SSO: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sso",
            abstract: "Sign in to IAM Identity Center (AWS SSO), sign out, and write a profile per account and role.",
            discussion: """
                Tokens live in ~/.aws/sso/cache exactly as the AWS CLI v2 keeps them: a sign-in by either tool \
                serves both. An expired token is renewed with its refresh token without a browser.
                """,
            subcommands: [SSOLogin.self, SSOLogout.self, SSOPopulateCommand.self, SSOCredentialsCommand.self])
    }
}

/// Which session a command means: a profile's, or `--sso-session NAME`.
struct SSOTarget: ParsableArguments {
    @Argument(help: "An SSO profile (its sso_session, or its legacy sso_start_url).", completion: .profiles)
    var profile: String?

    @Option(name: .customLong("sso-session"), help: ArgumentHelp("An [sso-session NAME] of the config.", valueName: "name"))
    var ssoSession: String?

    func validate() throws {
        if profile != nil && ssoSession != nil {
            throw ValidationError("give a profile or --sso-session, not both")
        }
    }

    /// The session named, nil when neither a profile nor a session was given.
    func session(settings: Settings) throws -> SSOSession? {
        let file = try settings.loadConfig()
        if let ssoSession { return try SSOConfig.named(ssoSession, file: file) }
        guard let profile else { return nil }
        let resolved = try ProfileResolver(file: file, settings: settings).resolve(profile)
        // A role profile whose source_profile chain starts at an SSO profile signs in with that one.
        let ssoProfile = resolved.chain.first(where: SSOConfig.isSSOProfile) ?? resolved
        return try SSOConfig.session(for: ssoProfile, file: file)
    }
}
