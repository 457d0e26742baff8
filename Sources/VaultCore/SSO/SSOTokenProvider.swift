#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How a sign-in may reach the person.
package struct SSOSignInOptions: Sendable {
    /// Whether a device-flow sign-in may start when no token works; when not,
    /// vault says to run `vault sso login` instead (hooks, credential_process).
    package var allowSignIn: Bool
    /// Open the verification URL with $BROWSER / xdg-open; else only print it.
    package var openBrowser: Bool
    /// The profile being used, for messages.
    package var profile: String?

    package init(allowSignIn: Bool = true, openBrowser: Bool = true, profile: String? = nil) {
        self.allowSignIn = allowSignIn
        self.openBrowser = openBrowser
        self.profile = profile
    }
}

/// The clock and the pause between polls, replaceable in tests.
package struct SSOClock: Sendable {
    package var now: @Sendable () -> Date
    package var sleep: @Sendable (Double) -> Void

    package init(now: @escaping @Sendable () -> Date = { Date() }, sleep: @escaping @Sendable (Double) -> Void = { QueryClient.pause($0) }) {
        self.now = now
        self.sleep = sleep
    }

    package static let system = SSOClock()
}

/// A valid IAM Identity Center access token for one session: the cached one
/// (shared with the AWS CLI), else one renewed with the refresh token (no
/// browser), else — only when that fails and it is allowed — a new sign-in
/// with the OAuth device authorization grant (RFC 8628).
package struct SSOTokenProvider: Sendable {
    package let session: SSOSession
    package let cache: SSOTokenCache
    let oidc: SSOOIDCClient
    let settings: Settings
    package var options: SSOSignInOptions
    package var clock: SSOClock

    /// botocore renews a token 15 minutes before it expires, and treats a
    /// registration that close to its end as expired.
    static let refreshWindow: TimeInterval = 15 * 60
    /// RFC 8628 §3.5: `slow_down` adds 5 seconds to the polling interval.
    static let slowDownStep: Double = 5

    package init(session: SSOSession, settings: Settings, transport: HTTPTransport,
                 options: SSOSignInOptions = SSOSignInOptions(), clock: SSOClock = .system) throws(SSOError) {
        self.session = session
        self.cache = SSOTokenCache(settings: settings)
        self.oidc = try SSOOIDCClient(region: session.region, settings: settings, transport: transport)
        self.settings = settings
        self.options = options
        self.clock = clock
    }

    private var loginCommand: String { session.loginCommand(profile: options.profile) }

    /// A token that is valid now. Holds a per-session lock, so that parallel
    /// vault processes make one refresh (refresh tokens rotate: a second
    /// refresh with the same one would fail) and one sign-in.
    package func validToken() throws -> SSOToken {
        try SingleFlight(settings: settings).withLock("sso-token:" + (try SSOTokenCache.tokenKey(for: session))) {
            let now = clock.now()
            // A token for another start URL (the session was pointed elsewhere) is no token for this one.
            let cached = try cache.token(for: session).flatMap { $0.startURL == session.startURL ? $0 : nil }
            if let cached {
                let remaining = cached.expiresAt.timeIntervalSince(now)
                if remaining > Self.refreshWindow { return cached }
                if let renewed = try refresh(cached) { return renewed }
                // The refresh failed, but the token still works for a while: use it.
                if remaining > 60 { return cached }
            }
            guard options.allowSignIn else {
                if cached?.refreshToken != nil { throw SSOError.refreshRejected(session: session.displayName, command: loginCommand) }
                throw SSOError.signInNeeded(
                    session: session.displayName, reason: cached == nil ? "not signed in" : "the token has expired",
                    command: loginCommand)
            }
            if cached?.refreshToken != nil {
                Diagnostics.say("the IAM Identity Center token for \(session.displayName) could not be renewed (refresh token expired or revoked); signing in again")
            }
            return try deviceSignIn()
        }
    }

    /// A new sign-in whatever the cache holds (`vault sso login`, as `aws sso login`).
    package func signIn() throws -> SSOToken {
        try SingleFlight(settings: settings).withLock("sso-token:" + (try SSOTokenCache.tokenKey(for: session))) {
            try deviceSignIn()
        }
    }

    /// CreateToken with the refresh token; nil when there is none, the
    /// registration has expired, or the service refuses it (expired, revoked).
    /// A network failure is thrown: it is no reason to sign in again.
    func refresh(_ token: SSOToken) throws -> SSOToken? {
        let now = clock.now()
        guard let refreshToken = token.refreshToken, let registration = token.refreshableRegistration(now: now) else { return nil }
        let grant: SSOOIDCClient.TokenGrant
        do {
            grant = try oidc.createToken(refreshToken: refreshToken, registration: registration)
        } catch let failure as SSOFailure where failure.status < 500 {
            return nil
        }
        // As botocore: the registration travels with the token; a refresh token only if one came back.
        let renewed = SSOToken(
            startURL: session.startURL, region: session.region, accessToken: grant.accessToken,
            expiresAt: now.addingTimeInterval(Double(grant.expiresIn)), refreshToken: grant.refreshToken,
            clientID: registration.clientID, clientSecret: registration.clientSecret,
            registrationExpiresAt: registration.expiresAt)
        try cache.save(renewed, for: session)
        return renewed
    }

    // MARK: device flow

    private func deviceSignIn() throws -> SSOToken {
        var registration = try registration(renew: false)
        let authorization: SSOOIDCClient.DeviceAuthorization
        do {
            authorization = try start(registration)
        } catch let failure as SSOFailure where failure.code == "InvalidClientException" {
            // The cached registration was revoked or is unknown to this region: register again.
            registration = try self.registration(renew: true)
            authorization = try start(registration)
        }
        present(authorization)
        let grant = try poll(authorization, registration: registration)
        let token = SSOToken(
            startURL: session.startURL, region: session.region, accessToken: grant.accessToken,
            expiresAt: clock.now().addingTimeInterval(Double(grant.expiresIn)), refreshToken: grant.refreshToken,
            clientID: registration.clientID, clientSecret: registration.clientSecret,
            registrationExpiresAt: registration.expiresAt)
        try cache.save(token, for: session)
        let refresh = token.refreshToken == nil
            ? "no refresh token: sign in again after it expires (add sso_registration_scopes = sso:account:access to the sso-session to get one)"
            : "it renews itself without a browser"
        Diagnostics.say("signed in to IAM Identity Center (\(session.displayName)) until \(AWSTime.iso8601(token.expiresAt)); \(refresh)")
        return token
    }

    private func start(_ registration: SSORegistration) throws -> SSOOIDCClient.DeviceAuthorization {
        do {
            return try oidc.startDeviceAuthorization(registration, startURL: session.startURL)
        } catch let failure as SSOFailure where failure.code == "InvalidRequestException" || failure.code == "UnauthorizedClientException" {
            throw SSOError.wrongStartURL(startURL: session.startURL, location: session.location, detail: failure.detail)
        }
    }

    /// The cached client registration for these scopes, else a new one (cached).
    private func registration(renew: Bool) throws -> SSORegistration {
        let scopes = session.registrationScopes
        if !renew, let cached = try cache.registration(for: session, scopes: scopes.isEmpty ? nil : scopes),
           cached.expiresAt.timeIntervalSince(clock.now()) >= Self.refreshWindow {
            return cached
        }
        // botocore names its clients `botocore-client-<session or timestamp>`; vault's say who they are.
        let suffix = session.name ?? String(Int(clock.now().timeIntervalSince1970))
        let registration = try oidc.registerClient(name: "vault-client-\(suffix)", scopes: scopes, now: clock.now())
        try cache.save(registration, for: session)
        return registration
    }

    /// Shows the person where to approve the sign-in (always on stderr), and opens the browser if allowed.
    private func present(_ authorization: SSOOIDCClient.DeviceAuthorization) {
        // These come from the network: printable text only, and only http(s) URLs reach a browser.
        let complete = Self.printable(authorization.verificationURIComplete)
        let plain = Self.printable(authorization.verificationURI)
        let code = Self.printable(authorization.userCode)
        let instructions = "  \(complete)\n  (or open \(plain) and enter the code \(code))\n"
        if options.openBrowser, let parts = URLParts(complete), parts.scheme == "https" || parts.scheme == "http" {
            switch Browser.open(complete, settings: settings) {
            case .opened(let command):
                Diagnostics.say("approve the sign-in to IAM Identity Center (\(session.displayName)) in the browser (\(command)); code \(code). If it did not open:")
                Diagnostics.write(instructions)
                return
            case .notOpened(let reasons):
                Diagnostics.say("no browser could be opened (\(reasons.joined(separator: "; ")))")
            }
        }
        Diagnostics.say("to sign in to IAM Identity Center (\(session.displayName)), open this URL on any device and approve code \(code):")
        Diagnostics.write(instructions)
    }

    /// CreateToken until approved: `authorization_pending` waits one
    /// interval, `slow_down` lengthens it by 5 s, `expired_token` or the
    /// authorization's own expiry ends the sign-in.
    private func poll(_ authorization: SSOOIDCClient.DeviceAuthorization, registration: SSORegistration) throws -> SSOOIDCClient.TokenGrant {
        let deadline = clock.now().addingTimeInterval(Double(authorization.expiresIn))
        var interval = Double(authorization.interval)
        while true {
            clock.sleep(interval)
            do {
                return try oidc.createToken(deviceCode: authorization.deviceCode, registration: registration)
            } catch let failure as SSOFailure {
                switch failure.code {
                case "AuthorizationPendingException": break
                case "SlowDownException": interval += Self.slowDownStep
                case "ExpiredTokenException": throw SSOError.signInExpired(session: session.displayName, command: loginCommand)
                case "AccessDeniedException": throw SSOError.signInDenied(session: session.displayName, detail: failure.detail)
                default: throw failure.asError
                }
            }
            if clock.now() >= deadline { throw SSOError.signInExpired(session: session.displayName, command: loginCommand) }
        }
    }

    /// Text safe for a terminal: control characters and escapes dropped.
    static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) }))
    }
}
