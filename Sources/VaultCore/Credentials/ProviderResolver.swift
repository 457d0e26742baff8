#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Runs a `ChainPlan`: the base provider for its source, then one provider
/// per step, each STS step cached in the store and fetched by one process at
/// a time. It decides nothing the plan does not say.
package struct ProviderResolver {
    package struct Options: Sendable {
        /// `-d/--duration`.
        package var duration: TimeInterval?
        /// `-n/--no-session`: no GetSessionToken.
        package var noSession = false
        /// `-t/--mfa-token`.
        package var mfaToken: String?
        /// `--prompt`: the MFA prompt driver's name.
        package var prompt: String?
        /// Whether an IAM Identity Center sign-in may start when no token
        /// works (false for the shell hook); even then only with a terminal
        /// or a browser to show it on.
        package var ssoSignIn = true
        /// Whether a `credential_process` result may be kept in the store's
        /// session cache (not from the hook: the store may ask for a
        /// passphrase there, which a credential_process profile never did).
        package var cacheProcessResults = true

        package init(
            duration: TimeInterval? = nil, noSession: Bool = false, mfaToken: String? = nil, prompt: String? = nil, ssoSignIn: Bool = true,
            cacheProcessResults: Bool = true
        ) {
            self.cacheProcessResults = cacheProcessResults
            self.duration = duration
            self.noSession = noSession
            self.mfaToken = mfaToken
            self.prompt = prompt
            self.ssoSignIn = ssoSignIn
        }

        package var planning: ChainPlanner.Options { .init(duration: duration, noSession: noSession) }
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

    /// The plan for `target` with the store's view of which profiles hold keys.
    package func plan(for target: Profile, options: Options) throws -> ChainPlan {
        try ChainPlanner(settings: settings, options: options.planning, store: store).plan(for: target)
    }

    package func provider(for target: Profile, options: Options) throws -> any CredentialProvider {
        let plan = try plan(for: target, options: options)
        for note in plan.notes { Diagnostics.say(note) }
        return try provider(
            running: plan, mfaToken: options.mfaToken, prompt: options.prompt, ssoSignIn: options.ssoSignIn,
            cacheProcessResults: options.cacheProcessResults)
    }

    package func provider(
        running plan: ChainPlan, mfaToken: String?, prompt: String? = nil, ssoSignIn: Bool = true, cacheProcessResults: Bool = true
    ) throws -> any CredentialProvider {
        let codes = MFACodes(
            token: mfaToken, driver: try MFAPromptDriver.chosen(option: prompt, settings: settings), settings: settings)
        var current: any CredentialProvider
        var below: String
        switch plan.source {
        case .storedKeys(let profile):
            current = StoredKeysProvider(store: store, profile: profile.name)
            below = "keys:" + profile.name
        case .credentialProcess(let profile, let command):
            // Cached like an STS result when it says when it expires (the
            // cache keeps nothing without an Expiration); the kind carries the
            // command's fingerprint, so an edited command runs anew.
            let kind = "credential_process~" + Hex.encode(try Digest.sha256(command)).prefix(12)
            current = CredentialProcessProvider(profile: profile.name, command: command)
            // Never a new passphrase prompt for a source that needed none: a
            // file store that would ask to be unlocked (or created) is left alone.
            let asksNobody = (cache.keyring as? FileKeyring)?.writesWithoutAsking ?? true
            if cacheProcessResults, asksNobody {
                current = CachedProvider(
                    inner: current, cache: cache, slot: .init(kind: kind, profile: profile.name, mfaSerial: ""), singleFlight: singleFlight)
            }
            below = "process:" + profile.name
        case .webIdentity(let profile, let web):
            let sts = try STSClient(config: Self.endpointConfig(profile, target: plan.target), settings: settings, transport: transport)
            // Cached and single-flighted like any STS step; the token file is
            // read only when the cache has nothing fresh.
            let fingerprint = [web.roleARN, web.roleSessionName ?? "", web.tokenFile].joined(separator: "\n")
            below = "sts.AssumeRoleWithWebIdentity~" + Hex.encode(try Digest.sha256(fingerprint)).prefix(12)
            current = CachedProvider(
                inner: WebIdentityProvider(profile: profile.name, step: web, sts: sts), cache: cache,
                slot: .init(kind: below, profile: profile.name, mfaSerial: ""), singleFlight: singleFlight)
            below += ":" + profile.name
        case .metadata(let profile, let source):
            switch source {
            case .environment: current = EnvironmentSourceProvider(profile: profile.name, settings: settings)
            case .ec2InstanceMetadata: current = InstanceMetadataProvider(profile: profile.name, settings: settings, transport: transport)
            case .ecsContainer: current = ContainerCredentialsProvider(profile: profile.name, settings: settings, transport: transport)
            }
            below = "source:" + source.rawValue + ":" + profile.name
        case .sso(let profile, let sso):
            let options = SSOSignInOptions(
                allowSignIn: ssoSignIn && (Terminal.isAvailable || settings.hasDesktop || !settings.browsers.isEmpty),
                openBrowser: true, profile: profile.name)
            // aws-vault's slot: sso.GetRoleCredentials, the profile, the start URL.
            current = CachedProvider(
                inner: try SSOCredentialsSource(profile: sso, settings: settings, transport: transport, options: options), cache: cache,
                slot: .init(kind: "sso.GetRoleCredentials", profile: profile.name, mfaSerial: sso.session.startURL),
                singleFlight: singleFlight)
            below = "sso.GetRoleCredentials:" + profile.name
        }
        for step in plan.steps {
            let sts = try STSClient(config: Self.endpointConfig(step.profile, target: plan.target), settings: settings, transport: transport)
            let mfa = step.mfa.map { MFARequirement(use: $0, codes: codes) }
            let kind: String
            switch step {
            case .getSessionToken(let session):
                current = SessionTokenProvider(source: current, sts: sts, durationSeconds: session.durationSeconds, mfa: mfa)
                kind = "sts.GetSessionToken"
            case .assumeRole(let role):
                let request = AssumeRoleRequest(
                    roleARN: role.roleARN, roleSessionName: role.roleSessionName ?? "vault-\(Int(Date().timeIntervalSince1970))",
                    durationSeconds: role.durationSeconds, externalID: role.externalID, tags: role.tags,
                    transitiveTagKeys: role.transitiveTagKeys, sourceIdentity: role.sourceIdentity)
                current = AssumeRoleProvider(source: current, sts: sts, request: request, mfa: mfa)
                // The slot's kind carries a fingerprint of everything that changes the
                // role session, so an edited profile never reuses a stale one.
                let fingerprint = [
                    role.roleARN, role.roleSessionName ?? "", role.externalID ?? "", role.sourceIdentity ?? "", below,
                    role.tags.map { "\($0.key)=\($0.value)" }.joined(separator: ","), role.transitiveTagKeys.joined(separator: ","),
                ].joined(separator: "\n")
                kind = "sts.AssumeRole~" + Hex.encode(try Digest.sha256(fingerprint)).prefix(12)
            }
            current = CachedProvider(
                inner: current, cache: cache,
                slot: .init(kind: kind, profile: step.profile.name, mfaSerial: step.mfa?.serial ?? ""),
                singleFlight: singleFlight)
            below = kind + ":" + step.profile.name
        }
        return current
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
