/// Credentials from IAM Identity Center for one SSO profile: a valid access
/// token (cached → refreshed → device-flow sign-in, see `SSOTokenProvider`),
/// then GetRoleCredentials for the profile's account and role.
///
/// It is the base provider of an SSO chain (`CredentialSource.sso`, run by
/// `ProviderResolver`): wrapped in `CachedProvider` under aws-vault's slot
/// (`sso.GetRoleCredentials`, profile, start URL) with single flight, roles
/// folded over it. `allowSignIn: false` (the shell hook, or no terminal nor
/// browser) makes a missing token fail with "run `vault sso login …`"
/// instead of waiting for a person who is not there.
package struct SSOCredentialsSource: CredentialProvider {
    package let profile: SSOProfile
    package let tokens: SSOTokenProvider
    let portal: SSOPortalClient

    package init(profile: SSOProfile, settings: Settings, transport: HTTPTransport,
                 options: SSOSignInOptions = SSOSignInOptions(), clock: SSOClock = .system) throws(SSOError) {
        var options = options
        options.profile = options.profile ?? profile.profile
        self.profile = profile
        self.tokens = try SSOTokenProvider(session: profile.session, settings: settings, transport: transport, options: options, clock: clock)
        self.portal = try SSOPortalClient(region: profile.session.region, settings: settings, transport: transport)
    }

    package func credentials() throws -> Credentials {
        let token = try tokens.validToken()
        do {
            return try portal.roleCredentials(account: profile.accountID, role: profile.roleName, accessToken: token.accessToken)
        } catch let failure as SSOFailure {
            switch failure.code {
            case "ForbiddenException", "ResourceNotFoundException":
                throw SSOError.roleNotAssigned(account: profile.accountID, role: profile.roleName, profile: profile.profile, code: failure.code)
            case "UnauthorizedException":
                // The token looked valid but the portal refused it (logged out elsewhere, revoked).
                throw SSOError.tokenRejected(
                    session: profile.session.displayName, operation: "GetRoleCredentials",
                    command: profile.session.loginCommand(profile: profile.profile))
            default:
                throw failure.asError
            }
        }
    }

    /// `credentials()` labelled for output (`vault sso credentials`).
    package func issue(region: String?) throws -> IssuedCredentials {
        IssuedCredentials(profileName: profile.profile, credentials: try credentials(), region: region)
    }
}
