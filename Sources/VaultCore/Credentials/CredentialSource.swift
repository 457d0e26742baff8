/// Where a chain's first credentials come from. Each case is one base
/// provider; a new way in (SSO, web identity…) is a new case here, a branch
/// in `ChainPlanner.source(of:)`, and whatever the compiler then asks for in
/// the exhaustive switches (`ProviderResolver`, `ChainPlan+Text`).
package enum CredentialSource: Sendable {
    /// Long-term keys stored under this profile's name.
    case storedKeys(Profile)
    /// The profile's `credential_process`.
    case credentialProcess(Profile, command: String)
    /// `web_identity_token_file` exchanged for the profile's `role_arn`
    /// (AssumeRoleWithWebIdentity); the profile's role is this call.
    case webIdentity(Profile, WebIdentityStep)
    /// `credential_source`: keys from the environment, EC2 or ECS; the
    /// profile's role is then assumed with them.
    case metadata(Profile, MetadataSource)
    /// IAM Identity Center: GetRoleCredentials for the profile's account and
    /// role, with the session's cached (or refreshed) access token.
    case sso(Profile, SSOProfile)

    package var profile: Profile {
        switch self {
        case .storedKeys(let profile), .credentialProcess(let profile, _), .webIdentity(let profile, _), .metadata(let profile, _), .sso(let profile, _): profile
        }
    }

    /// Long-term keys: the only source GetSessionToken may start from.
    var isLongTermKeys: Bool {
        switch self {
        case .storedKeys: true
        case .credentialProcess, .webIdentity, .metadata, .sso: false
        }
    }

    /// Whether the source already holds the profile's role (its `role_arn`
    /// is not assumed again on top).
    var consumesOwnRole: Bool {
        switch self {
        case .credentialProcess, .webIdentity, .sso: true
        case .storedKeys, .metadata: false
        }
    }
}

/// One AssumeRoleWithWebIdentity, as the plan holds it.
package struct WebIdentityStep: Sendable {
    package let tokenFile: String
    package let roleARN: String
    /// nil: vault names the session `vault-<unix time>` when it runs.
    package let roleSessionName: String?
    package let durationSeconds: Int
}

/// botocore's `credential_source` names (CanonicalNameCredentialSourcer).
package enum MetadataSource: String, Sendable, CaseIterable {
    case environment = "Environment"
    case ec2InstanceMetadata = "Ec2InstanceMetadata"
    case ecsContainer = "EcsContainer"

    static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// In `config show` and `doctor`.
    var words: String {
        switch self {
        case .environment: "keys from vault's environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN)"
        case .ec2InstanceMetadata: "the EC2 instance's role (IMDSv2)"
        case .ecsContainer: "the ECS container's credentials (AWS_CONTAINER_CREDENTIALS_FULL_URI/_RELATIVE_URI)"
        }
    }
}
