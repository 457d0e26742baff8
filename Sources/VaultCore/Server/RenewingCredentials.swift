#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The credentials the server hands out: kept in memory, renewed through the
/// usual chain and cache (`CredentialService`) when less than the minimum TTL
/// (`AWS_MIN_TTL`) is left. One renewal at a time: requests that arrive
/// while one is under way wait for it and share its result, so 50 parallel
/// requests make one STS call and an MFA code is asked for once.
package final class RenewingCredentials: @unchecked Sendable {
    private let fetch: () throws -> IssuedCredentials
    private let minimumTTL: TimeInterval
    private let lock = Lock()
    private var current: IssuedCredentials?

    package init(minimumTTL: TimeInterval, fetch: @escaping () throws -> IssuedCredentials) {
        self.minimumTTL = minimumTTL
        self.fetch = fetch
    }

    /// Fresh enough credentials, renewing them first when needed.
    package func get(now: () -> Date = Date.init) throws -> IssuedCredentials {
        try lock.withLock {
            if let current, Self.fresh(current.credentials, minimumTTL: minimumTTL, now: now()) { return current }
            let issued = try fetch()
            current = issued
            return issued
        }
    }

    /// Long-term keys never expire; temporary ones are fresh while more than
    /// the minimum TTL is left.
    static func fresh(_ credentials: Credentials, minimumTTL: TimeInterval, now: Date) -> Bool {
        guard let expiration = credentials.expiration else { return true }
        return expiration.timeIntervalSince(now) > minimumTTL
    }
}
