#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Builds a `ChainPlan` by aws-vault's rules (ByteNess/aws-vault
/// `vault/vault.go`, v7.11), level by level from the profile that holds the
/// first credentials up to the target:
///
/// - Descending from the target, the first profile with stored keys starts
///   the chain (even one with a `source_profile`); a profile with neither
///   keys nor `source_profile` starts it with its `credential_process`.
/// - A profile's own `role_arn` is assumed from the credentials below it,
///   including its own stored keys. A `credential_process` profile's is not.
/// - GetSessionToken runs at most once, on long-term keys, at a profile that
///   has no role or is the source of a role — unless it is the one role of
///   the chain and asks for more than an hour (a role assumed from a
///   session is capped at one), or sessions are off, or the profile and the
///   one built on it do not name the same `mfa_serial`.
/// - Its MFA serial is then "chained": a role naming the same serial is
///   assumed without sending a code again.
/// - An AssumeRole from temporary credentials is capped at one hour.
/// - A `web_identity_token_file` or `credential_source` starts the chain at
///   its profile before any stored key (botocore's order). Web identity is
///   that profile's role; a `credential_source` profile's role is assumed
///   from the keys the source gives (no GetSessionToken on them).
/// - Durations: `--duration` for every call; else AssumeRole takes
///   `AWS_ASSUME_ROLE_TTL`, `duration_seconds`, 1h; GetSessionToken takes
///   `AWS_CHAINED_SESSION_TOKEN_TTL` (8h) when another profile is built on
///   its profile, else `AWS_SESSION_TOKEN_TTL` (1h).
package struct ChainPlanner {
    package struct Options: Sendable {
        /// `-d/--duration`, for every call of the chain (as aws-vault).
        package var duration: TimeInterval?
        /// `-n/--no-session`: no GetSessionToken.
        package var noSession = false

        package init(duration: TimeInterval? = nil, noSession: Bool = false) {
            self.duration = duration
            self.noSession = noSession
        }
    }

    /// STS caps a role session assumed from temporary credentials at 1h.
    package static let chainedRoleLimit = 3600

    package let settings: Settings
    package let options: Options
    /// Whether the store holds long-term keys under a profile's name.
    package let hasStoredKeys: (String) throws -> Bool
    /// An SSO profile's session, account and role (file:line errors for an
    /// incomplete one); reads the config's `[sso-session]` sections by default.
    package let ssoProfile: (Profile) throws -> SSOProfile

    package init(
        settings: Settings, options: Options, hasStoredKeys: @escaping (String) throws -> Bool,
        ssoProfile: ((Profile) throws -> SSOProfile)? = nil
    ) {
        self.settings = settings
        self.options = options
        self.hasStoredKeys = hasStoredKeys
        self.ssoProfile = ssoProfile ?? { profile in try SSOConfig.profile(profile, file: try settings.loadConfig()) }
    }

    /// Asks the store which profiles hold keys once, and only if the plan
    /// depends on it: a lone profile's plan does not (its stored keys, or the
    /// "no credentials stored" error when they run), so `vault export` of a
    /// plain profile lists nothing more than it reads.
    package init(settings: Settings, options: Options, store: CredentialStore) {
        let listing = StoredProfiles(store: store)
        self.init(settings: settings, options: options, hasStoredKeys: { try listing.names().contains($0) })
    }

    private final class StoredProfiles {
        let store: CredentialStore
        var cached: Set<String>?
        init(store: CredentialStore) { self.store = store }
        func names() throws -> Set<String> {
            if let cached { return cached }
            let names = Set(try store.profilesWithKeys())
            cached = names
            return names
        }
    }

    /// What the provider below the current level is.
    private enum Made { case baseKeys, baseProcess, baseTemporary, sessionToken, assumedRole }

    package func plan(for target: Profile) throws -> ChainPlan {
        if options.duration == nil, let duration = try settings.vaultDuration() {
            var options = options
            options.duration = duration
            return try ChainPlanner(settings: settings, options: options, hasStoredKeys: hasStoredKeys).plan(for: target)
        }
        // levels[0] is the target; the last level starts the chain.
        var levels: [Profile] = []
        var base: CredentialSource?
        var next: Profile? = target
        while let profile = next, base == nil {
            levels.append(profile)
            base = try source(of: profile)
            next = profile.source
        }
        guard let base else { throw CredentialError.noStoredKeys(profile: levels.last!.name) }  // not reached: the last level has no source

        var steps: [ChainStep] = []
        var notes: [String] = []
        var remarks: [String] = settings.durationOrigins
        // A source that holds its profile's role starts above that profile;
        // other temporary ones (credential_source) have their role assumed.
        var made: Made = base.isLongTermKeys ? .baseKeys : base.consumesOwnRole ? .baseProcess : .baseTemporary
        var chainedMFA: String?
        let bottom = levels.count - 1
        if case .credentialProcess(let profile, _) = base, let role = profile.roleARN {
            remarks.append("role_arn \(role) of profile '\(profile.name)' is not assumed: its credential_process is used as it is (as aws-vault does)")
        }
        if case .sso(let profile, _) = base, let role = profile.roleARN {
            remarks.append("role_arn \(role) of profile '\(profile.name)' is not assumed: its IAM Identity Center role is used as it is; put the role in a profile with source_profile = \(profile.name)")
        }

        for index in stride(from: bottom, through: 0, by: -1) {
            let profile = levels[index]
            if index == bottom, made == .baseProcess {
                // Web identity and SSO credentials are a role's: what is assumed from them is capped.
                switch base {
                case .webIdentity, .sso: made = .assumedRole
                case .storedKeys, .credentialProcess, .metadata: break
                }
                continue
            }
            let builtOn = index > 0 ? levels[index - 1] : nil  // aws-vault's ChainedFromProfile

            let isSourceOfRole = builtOn?.roleARN != nil
            let shouldPrime = try (profile.roleARN == nil || isSourceOfRole) && !keepsFullDuration(levels[0...index])
            if shouldPrime, made == .baseKeys {
                if let reason = sessionRefused(profile, builtOn: builtOn) {
                    remarks.append("no GetSessionToken at profile '\(profile.name)': \(reason)")
                    if profile.roleARN == nil { continue }
                } else {
                    chainedMFA = profile.mfaSerial
                    let ttl = try builtOn != nil ? settings.chainedSessionTokenTTL() : settings.sessionTokenTTL()
                    steps.append(.getSessionToken(SessionTokenStep(
                        profile: profile, durationSeconds: Int(options.duration ?? ttl), mfa: mfaUse(profile.mfaSerial, profile))))
                    made = .sessionToken
                    if profile.roleARN == nil { continue }
                }
            }
            guard let roleARN = profile.roleARN else { continue }

            var duration = try assumeRoleDuration(profile)
            var cappedFrom: Int?
            // IAM Identity Center hands out role credentials: a role assumed from them is chained too.
            if made == .sessionToken || made == .assumedRole, duration > Self.chainedRoleLimit {
                cappedFrom = duration
                duration = Self.chainedRoleLimit
                if let asked = options.duration {
                    notes.append("--duration \(Int(asked))s is capped to 1h for the role of profile '\(profile.name)': STS allows no more for a role assumed from temporary credentials")
                }
            }
            let serial = profile.mfaSerial
            let mfaChained = serial != nil && serial == chainedMFA
            steps.append(.assumeRole(AssumeRoleStep(
                profile: profile, roleARN: roleARN, roleSessionName: profile.roleSessionName, durationSeconds: duration,
                cappedFrom: cappedFrom, mfa: mfaChained ? nil : mfaUse(serial, profile), externalID: profile.externalID,
                tags: profile.sessionTags, transitiveTagKeys: profile.transitiveSessionTags, sourceIdentity: profile.sourceIdentity,
                awsCLIDiffers: awsCLIDifference(profile, startsChain: index == bottom))))
            made = .assumedRole
        }
        return ChainPlan(target: target, source: base, steps: steps, notes: notes, remarks: remarks)
    }

    /// The base source when the chain starts at `profile`, nil to go on down.
    private func source(of profile: Profile) throws -> CredentialSource? {
        // A profile that names IAM Identity Center gets its credentials there,
        // whatever the store holds: the config says so, and the store is not asked.
        if SSOConfig.isSSOProfile(profile) { return .sso(profile, try ssoProfile(profile)) }
        // botocore's order: a token file or credential_source decides before any key.
        if let tokenFile = profile.webIdentityTokenFile, let role = profile.roleARN {
            return .webIdentity(profile, WebIdentityStep(
                tokenFile: settings.expandTilde(tokenFile), roleARN: role, roleSessionName: profile.roleSessionName,
                durationSeconds: try assumeRoleDuration(profile)))
        }
        if let metadata = profile.credentialSource { return .metadata(profile, metadata) }
        // Nowhere else to go: its stored keys, whether or not they are there yet.
        guard profile.source != nil || profile.credentialProcess != nil else { return .storedKeys(profile) }
        if try hasStoredKeys(profile.name) { return .storedKeys(profile) }
        if profile.source != nil { return nil }
        return profile.credentialProcess.map { .credentialProcess(profile, command: $0) }
    }

    /// aws-vault's `assumeRoleKeepsFullDuration`: the levels from the target
    /// down to this one hold exactly one role, and it asks for over an hour.
    private func keepsFullDuration(_ levels: ArraySlice<Profile>) throws -> Bool {
        let roles = levels.filter { $0.roleARN != nil }
        guard roles.count == 1 else { return false }
        return try assumeRoleDuration(roles[0]) > Self.chainedRoleLimit
    }

    /// aws-vault's `canUseGetSessionToken`, as a reason when it can't.
    private func sessionRefused(_ profile: Profile, builtOn: Profile?) -> String? {
        if options.noSession { return "--no-session" }
        guard let builtOn else { return nil }
        guard let above = builtOn.mfaSerial else { return "profile '\(builtOn.name)' has no mfa_serial" }
        guard let own = profile.mfaSerial else { return "profile '\(profile.name)' has no mfa_serial" }
        return own == above ? nil : "its mfa_serial differs from profile '\(builtOn.name)'s"
    }

    private func assumeRoleDuration(_ profile: Profile) throws -> Int {
        if let asked = options.duration { return Int(asked) }
        if settings["AWS_ASSUME_ROLE_TTL"] != nil { return Int(try settings.assumeRoleTTL()) }
        return profile.durationSeconds ?? 3600
    }

    private func mfaUse(_ serial: String?, _ profile: Profile) -> MFAUse? {
        serial.map { MFAUse(serial: $0, profile: profile, process: profile.inheritedMFAProcess) }
    }

    /// Where botocore reads the same role profile differently.
    private func awsCLIDifference(_ profile: Profile, startsChain: Bool) -> String? {
        guard startsChain else { return nil }
        if let source = profile["source_profile"], source != profile.name {
            return "the AWS CLI would assume this role from profile '\(source)', not from this profile's stored keys"
        }
        if profile["source_profile"] == nil, profile["credential_source"] == nil {
            return "the AWS CLI refuses a role_arn without source_profile or credential_source"
        }
        return nil
    }
}
