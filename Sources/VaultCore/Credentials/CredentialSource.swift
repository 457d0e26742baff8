/// Where a chain's first credentials come from. Each case is one base
/// provider; a new way in (SSO, web identity…) is a new case here, a branch
/// in `ChainPlanner.source(of:)`, and whatever the compiler then asks for in
/// the exhaustive switches (`ProviderResolver`, `ChainPlan+Text`).
package enum CredentialSource: Sendable {
    /// Long-term keys stored under this profile's name.
    case storedKeys(Profile)
    /// The profile's `credential_process`.
    case credentialProcess(Profile, command: String)
    /// IAM Identity Center: GetRoleCredentials for the profile's account and
    /// role, with the session's cached (or refreshed) access token.
    case sso(Profile, SSOProfile)

    package var profile: Profile {
        switch self {
        case .storedKeys(let profile), .credentialProcess(let profile, _), .sso(let profile, _): profile
        }
    }

    /// Long-term keys: the only source GetSessionToken may start from.
    var isLongTermKeys: Bool {
        switch self {
        case .storedKeys: true
        case .credentialProcess, .sso: false
        }
    }
}
