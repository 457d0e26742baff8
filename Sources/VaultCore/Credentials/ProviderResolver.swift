#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Builds the provider chain for a resolved profile:
/// stored keys (or credential_process) → GetSessionToken → AssumeRole …,
/// each STS step cached in the store and fetched by one process at a time.
package struct ProviderResolver {
    package struct Options: Sendable {
        /// `-d/--duration`, for the last step.
        package var duration: TimeInterval?
        /// `-n/--no-session`: no GetSessionToken.
        package var noSession = false
        /// `-t/--mfa-token`.
        package var mfaToken: String?

        package init(duration: TimeInterval? = nil, noSession: Bool = false, mfaToken: String? = nil) {
            self.duration = duration
            self.noSession = noSession
            self.mfaToken = mfaToken
        }
    }

    package let settings: Settings
    package let store: CredentialStore
    package let cache: SessionCache
    package let transport: any HTTPTransport
    package let singleFlight: SingleFlight

    package init(settings: Settings, store: CredentialStore, cache: SessionCache, transport: any HTTPTransport) {
        self.settings = settings
        self.store = store
        self.cache = cache
        self.transport = transport
        self.singleFlight = SingleFlight(settings: settings)
    }

    /// STS caps a role session assumed from temporary credentials at 1h.
    static let chainedRoleLimit: TimeInterval = 3600

    package func provider(for target: Profile, options: Options) throws -> any CredentialProvider {
        let codes = MFACodes(token: options.mfaToken)
        let chain = target.chain
        let keyHolder = target.keyHolder
        // Profiles above the key holder that assume a role, nearest the keys first.
        let roles = chain.dropLast().reversed().filter { $0.roleARN != nil }
        let sts = { (profile: Profile) throws in
            try STSClient(config: Self.endpointConfig(profile, target: target), settings: self.settings, transport: self.transport)
        }

        if let command = keyHolder.credentialProcess {
            var current: any CredentialProvider = CredentialProcessProvider(profile: keyHolder.name, command: command)
            for (index, role) in roles.enumerated() {
                current = try assumeRole(role, from: current, via: sts(role), mfa: role.mfaSerial, codes: codes,
                                         duration: duration(of: role, isTarget: index == roles.count - 1, options), sourceName: keyHolder.name)
            }
            return current
        }

        let keys = StoredKeysProvider(store: store, profile: keyHolder.name)
        let targetDuration = options.duration
        let roleWantsLong = roles.last.map { _ in (targetDuration ?? (target.durationSeconds.map(TimeInterval.init) ?? 0)) > Self.chainedRoleLimit } ?? false
        let useSession = !options.noSession && !roleWantsLong
        // A role whose MFA device is the key holder's (or the key holder has
        // none) takes its MFA on GetSessionToken, once, and is then assumed
        // from that session without asking again.
        let firstRoleMFA = roles.first?.mfaSerial
        let mfaMovesToSession = useSession && firstRoleMFA != nil && (keyHolder.mfaSerial == nil || keyHolder.mfaSerial == firstRoleMFA)

        var current: any CredentialProvider = keys
        if useSession {
            let serial = mfaMovesToSession ? firstRoleMFA : keyHolder.mfaSerial
            let ttl: TimeInterval =
                roles.isEmpty ? try (options.duration ?? settings.sessionTokenTTL())
                : mfaMovesToSession ? try settings.chainedSessionTokenTTL() : try settings.sessionTokenTTL()
            let asker = mfaMovesToSession ? roles.first! : keyHolder
            let session = SessionTokenProvider(
                source: keys, sts: try sts(keyHolder), durationSeconds: Int(ttl),
                mfa: serial.map { MFARequirement(serial: $0, profile: asker, codes: codes) })
            current = CachedProvider(
                inner: session, cache: cache,
                slot: .init(kind: "sts.GetSessionToken", profile: keyHolder.name, mfaSerial: serial ?? ""),
                singleFlight: singleFlight)
        } else if roles.isEmpty {
            return keys  // --no-session on a profile without a role: its own keys, as aws-vault does
        }

        var sourceName = keyHolder.name
        for (index, role) in roles.enumerated() {
            let mfa = (index == 0 && mfaMovesToSession) ? nil : role.mfaSerial
            current = try assumeRole(role, from: current, via: sts(role), mfa: mfa, codes: codes,
                                     duration: duration(of: role, isTarget: index == roles.count - 1, options), sourceName: sourceName)
            sourceName = role.name
        }
        return current
    }

    private func duration(of role: Profile, isTarget: Bool, _ options: Options) throws -> TimeInterval {
        if isTarget, let asked = options.duration { return asked }
        if let seconds = role.durationSeconds { return TimeInterval(seconds) }
        return try settings.assumeRoleTTL()
    }

    private func assumeRole(
        _ role: Profile, from source: any CredentialProvider, via sts: STSClient, mfa: String?, codes: MFACodes,
        duration: TimeInterval, sourceName: String
    ) throws -> any CredentialProvider {
        let request = AssumeRoleRequest(
            roleARN: role.roleARN!, roleSessionName: role.roleSessionName ?? "vault-\(Int(Date().timeIntervalSince1970))",
            durationSeconds: Int(duration), externalID: role.externalID, tags: role.sessionTags,
            transitiveTagKeys: role.transitiveSessionTags, sourceIdentity: role.sourceIdentity)
        let provider = AssumeRoleProvider(
            source: source, sts: sts, request: request,
            mfa: mfa.map { MFARequirement(serial: $0, profile: role, codes: codes) })
        // The slot's kind carries a fingerprint of everything that changes the
        // role session, so an edited profile never reuses a stale one.
        let fingerprint = [
            role.roleARN!, role.roleSessionName ?? "", role.externalID ?? "", role.sourceIdentity ?? "", sourceName,
            role.sessionTags.map { "\($0.key)=\($0.value)" }.joined(separator: ","), role.transitiveSessionTags.joined(separator: ","),
        ].joined(separator: "\n")
        return CachedProvider(
            inner: provider, cache: cache,
            slot: .init(kind: "sts.AssumeRole~" + Hex.encode(try Digest.sha256(fingerprint)).prefix(12), profile: role.name, mfaSerial: mfa ?? ""),
            singleFlight: singleFlight)
    }

    /// Where a profile's STS calls go: its own endpoint settings, the target's region.
    static func endpointConfig(_ profile: Profile, target: Profile) -> EndpointConfig {
        var services: [String: String] = [:]
        for (service, values) in profile.services {
            if let url = values["endpoint_url"] { services[service] = url }
        }
        return EndpointConfig(
            region: target.region ?? profile.region, stsRegionalEndpoints: profile.stsRegionalEndpoints,
            endpointURL: profile.endpointURL, serviceEndpointURLs: services, caBundle: profile.caBundle,
            ignoreConfiguredEndpointURLs: profile["ignore_configured_endpoint_urls"].map { $0.lowercased() == "true" })
    }
}
