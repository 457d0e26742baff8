#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Cached STS results in the store, under aws-vault's session key names, so
/// sessions are shared by every vault process (and with aws-vault itself).
/// The item holds the JSON aws-vault writes: `AccessKeyId`,
/// `SecretAccessKey`, `SessionToken`, `Expiration`.
package struct SessionCache: Sendable {
    package let keyring: any Keyring
    /// Entries with less than this left are not handed out.
    package let minimumTTL: TimeInterval

    package init(keyring: any Keyring, minimumTTL: TimeInterval) {
        self.keyring = keyring
        self.minimumTTL = minimumTTL
    }

    /// What identifies a cached session apart from its expiry.
    package struct Slot: Sendable, Hashable {
        package var kind: String
        package var profile: String
        package var mfaSerial: String

        package init(kind: String, profile: String, mfaSerial: String) {
            self.kind = kind
            self.profile = profile
            self.mfaSerial = mfaSerial
        }

        var prefix: String { SessionKey(kind: kind, profile: profile, mfaSerial: mfaSerial, expiration: Date()).prefixForMatching }
    }

    struct Stored: Encodable {
        var AccessKeyId: String
        var SecretAccessKey: String
        var SessionToken: String
        var Expiration: String

        /// Read with `JSONValue` (the hot path; see there), as `Decodable` would.
        init(json: JSONValue) throws(JSONValue.Malformed) {
            let members = try JSONValue.Members(json)
            self.init(
                AccessKeyId: try members.string("AccessKeyId"), SecretAccessKey: try members.string("SecretAccessKey"),
                SessionToken: try members.string("SessionToken"), Expiration: try members.string("Expiration"))
        }

        init(AccessKeyId: String, SecretAccessKey: String, SessionToken: String, Expiration: String) {
            self.AccessKeyId = AccessKeyId
            self.SecretAccessKey = SecretAccessKey
            self.SessionToken = SessionToken
            self.Expiration = Expiration
        }
    }

    /// The cached credentials for `slot` with more than the minimum TTL left;
    /// expired entries found on the way are dropped.
    package func get(_ slot: Slot, now: Date = Date()) throws -> Credentials? {
        for name in try keyring.keys() where name.hasPrefix(slot.prefix) {
            guard let key = SessionKey(name) else { continue }
            if key.expiration <= now {
                try? keyring.remove(name)
                continue
            }
            guard key.expiration.timeIntervalSince(now) > minimumTTL else { continue }
            // An entry that cannot be read (a damaged file, JSON that is not
            // aws-vault's) is dropped and fetched anew, never a reason to fail.
            var found: Data?
            do {
                found = try keyring.get(name)
            } catch KeyringError.damagedItem {
                drop(name, key)
                continue
            }
            guard var data = found else { continue }
            defer { Wipe.data(&data) }
            guard let stored = try? Stored(json: JSONValue.parse(data)),
                  let expiration = RFC3339.date(from: stored.Expiration)
            else {
                drop(name, key)
                continue
            }
            return Credentials(
                accessKeyID: stored.AccessKeyId, secretAccessKey: stored.SecretAccessKey,
                sessionToken: stored.SessionToken, expiration: expiration)
        }
        return nil
    }

    /// Removes an unreadable entry, saying so (the session is fetched again).
    private func drop(_ name: String, _ key: SessionKey) {
        try? keyring.remove(name)
        Diagnostics.say("dropped the damaged cached session of profile '\(key.profile)' (\(key.kind)); fetching a new one")
    }

    /// Stores `credentials` for `slot`, replacing older entries of the slot.
    package func set(_ slot: Slot, _ credentials: Credentials) throws {
        guard let expiration = credentials.expiration, let token = credentials.sessionToken else { return }
        let key = SessionKey(kind: slot.kind, profile: slot.profile, mfaSerial: slot.mfaSerial, expiration: expiration)
        let stored = Stored(
            AccessKeyId: credentials.accessKeyID, SecretAccessKey: credentials.secretAccessKey,
            SessionToken: token, Expiration: RFC3339.string(from: expiration))
        var data = try JSONEncoder().encode(stored)
        defer { Wipe.data(&data) }
        let old = try keyring.keys().filter { $0.hasPrefix(slot.prefix) && $0 != key.name }
        try keyring.set(key.name, data)
        for name in old { try? keyring.remove(name) }
    }

    /// Every session in the store, with its profile, kind and expiry.
    package func sessions() throws -> [SessionKey] {
        try keyring.keys().compactMap(SessionKey.init)
    }

    /// Removes the sessions of `profiles` (all when nil); returns how many.
    @discardableResult
    package func clear(profiles: Set<String>? = nil) throws -> Int {
        var removed = 0
        for name in try keyring.keys() {
            guard let key = SessionKey(name) else { continue }
            if let profiles, !profiles.contains(key.profile) { continue }
            try keyring.remove(name)
            removed += 1
        }
        return removed
    }
}

/// Wraps a provider so its result is cached in the store, and so that only
/// one process at a time fetches a given session (`SingleFlight`): the others
/// wait for the lock, then find the fresh entry.
package struct CachedProvider: CredentialProvider {
    package let inner: any CredentialProvider
    package let cache: SessionCache
    package let slot: SessionCache.Slot
    package let singleFlight: SingleFlight

    package func credentials() throws -> Credentials {
        if let cached = try cache.get(slot) { return hit(cached) }
        return try singleFlight.withLock(slot.prefix) {
            if let cached = try cache.get(slot) { return hit(cached) }
            Debug.log("cache", "miss: \(slot.kind) for '\(slot.profile)' (none with more than \(Debug.timeLeft(cache.minimumTTL)) left); fetching")
            let fresh = try inner.credentials()
            try cache.set(slot, fresh)
            return fresh
        }
    }

    private func hit(_ cached: Credentials) -> Credentials {
        Debug.log("cache", "hit: \(slot.kind) for '\(slot.profile)', \(cached.redactedKeyID), \(Debug.timeLeft(cached.expiration.map { $0.timeIntervalSinceNow } ?? 0)) left")
        return cached
    }
}
