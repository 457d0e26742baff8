/// The STS calls that turn a profile's base credentials into the ones handed
/// out, as data: built once by `ChainPlanner`, printed by `vault config show`
/// and run by `ProviderResolver`, so what is shown is what runs.
package struct ChainPlan: Sendable {
    package let target: Profile
    package let source: CredentialSource
    /// In the order they run, each from the credentials the one before made.
    package let steps: [ChainStep]
    /// Said on stderr when the plan runs (e.g. a `--duration` capped).
    package let notes: [String]
    /// Shown by `config show` only: choices a reader may not expect.
    package let remarks: [String]
}

/// One STS call of a chain.
package enum ChainStep: Sendable {
    case getSessionToken(SessionTokenStep)
    case assumeRole(AssumeRoleStep)

    /// The profile whose settings shape the call (its cache slot's name).
    package var profile: Profile {
        switch self {
        case .getSessionToken(let step): step.profile
        case .assumeRole(let step): step.profile
        }
    }

    package var mfa: MFAUse? {
        switch self {
        case .getSessionToken(let step): step.mfa
        case .assumeRole(let step): step.mfa
        }
    }

    package var durationSeconds: Int {
        switch self {
        case .getSessionToken(let step): step.durationSeconds
        case .assumeRole(let step): step.durationSeconds
        }
    }
}

/// An MFA code sent with a call, and who supplies it.
package struct MFAUse: Sendable {
    package let serial: String
    /// Named in prompts and errors.
    package let profile: Profile
    /// The profile's `mfa_process`, else its source profile's (as aws-vault).
    package let process: String?
}

package struct SessionTokenStep: Sendable {
    package let profile: Profile
    package let durationSeconds: Int
    package let mfa: MFAUse?
}

package struct AssumeRoleStep: Sendable {
    package let profile: Profile
    package let roleARN: String
    /// nil: vault names the session `vault-<unix time>` when it runs.
    package let roleSessionName: String?
    package let durationSeconds: Int
    /// The duration asked for, when STS's one-hour limit on a role assumed
    /// from temporary credentials cut it.
    package let cappedFrom: Int?
    package let mfa: MFAUse?
    package let externalID: String?
    package let tags: [(key: String, value: String)]
    package let transitiveTagKeys: [String]
    package let sourceIdentity: String?
    /// How the AWS CLI (botocore) would read the same profile, when not so.
    package let awsCLIDiffers: String?
}
