#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a command asks for: a profile's credentials, with the usual flags.
package struct CredentialRequest: Sendable {
    package var profileName: String
    /// `-d/--duration` in seconds.
    package var duration: TimeInterval?
    package var noSession: Bool
    package var mfaToken: String?
    /// `--region`, over the profile's.
    package var region: String?
    /// `--prompt`: the MFA prompt driver's name, over `AWS_VAULT_PROMPT`.
    package var prompt: String?
    /// Whether an IAM Identity Center sign-in may start (not from the shell hook).
    package var ssoSignIn = true
    /// Whether a `credential_process` result may be cached in the store (not from the shell hook).
    package var cacheProcessResults = true

    package init(
        profileName: String, duration: TimeInterval? = nil, noSession: Bool = false, mfaToken: String? = nil, region: String? = nil,
        prompt: String? = nil, ssoSignIn: Bool = true, cacheProcessResults: Bool = true
    ) {
        self.ssoSignIn = ssoSignIn
        self.cacheProcessResults = cacheProcessResults
        self.profileName = profileName
        self.duration = duration
        self.noSession = noSession
        self.mfaToken = mfaToken
        self.region = region
        self.prompt = prompt
    }
}

/// Credentials handed out for a profile, with the region to export.
package struct IssuedCredentials: Sendable {
    package var profileName: String
    package var credentials: Credentials
    package var region: String?

    /// The variables `vault exec` and `vault env` set.
    package var environmentChanges: [EnvironmentChange] {
        CredentialEnvironment.changes(profile: profileName, credentials: credentials, region: region)
    }
}

/// The one entry point commands use to get credentials for a profile.
package struct CredentialService {
    package let settings: Settings
    package let keyring: any Keyring
    package let transport: any HTTPTransport

    package init(settings: Settings, keyring: any Keyring, transport: any HTTPTransport = CurlTransport.shared) {
        self.settings = settings
        self.keyring = keyring
        self.transport = transport
    }

    package var store: CredentialStore { CredentialStore(keyring: keyring) }

    package func cache() throws -> SessionCache {
        SessionCache(keyring: keyring, minimumTTL: try settings.minimumTTL())
    }

    /// Resolves the profile; one that is only in the store (added with
    /// `--no-add-config`) is known too.
    package func profile(_ name: String) throws -> Profile {
        let resolver = ProfileResolver(file: try settings.loadConfig(), settings: settings)
        if resolver.file.profiles[name] == nil, try store.has(name) {
            return try resolver.resolve(name, knownElsewhere: true)
        }
        return try resolver.resolve(name)
    }

    /// The STS calls `issue` makes for a profile, as data.
    package func plan(for target: Profile, options: ChainPlanner.Options) throws -> ChainPlan {
        try ChainPlanner(settings: settings, options: options, store: store).plan(for: target)
    }

    package func issue(_ request: CredentialRequest) throws -> IssuedCredentials {
        let target = try profile(request.profileName)
        let resolver = ProviderResolver(settings: settings, store: store, cache: try cache(), transport: transport)
        let provider = try resolver.provider(
            for: target,
            options: .init(duration: request.duration, noSession: request.noSession, mfaToken: request.mfaToken, prompt: request.prompt,
                           ssoSignIn: request.ssoSignIn, cacheProcessResults: request.cacheProcessResults))
        Debug.log("chain", target.chain.map { "\($0.name) (\(ProfileChoice.kind($0)))" }.joined(separator: " ← "))
        let credentials = try provider.credentials()
        Debug.log("credentials", "\(credentials.redactedKeyID) for '\(target.name)'" + (credentials.expiration.map { ", \(Debug.timeLeft($0.timeIntervalSinceNow)) left" } ?? ", long-term"))
        return IssuedCredentials(profileName: target.name, credentials: credentials, region: request.region ?? target.region)
    }
}
