#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Long-term IAM keys in a keyring, one item per profile, in aws-vault's JSON
/// layout (`aws.Credentials` of the AWS SDK for Go v2), so that a store
/// written by either tool is read by the other.
package final class CredentialStore: Sendable {
    package let keyring: any Keyring

    package init(keyring: any Keyring) {
        self.keyring = keyring
    }

    /// The profiles that have long-term keys, sorted.
    package func profilesWithKeys() throws -> [String] {
        try keyring.keys().filter(KeyName.isCredentials).sorted()
    }

    package func has(_ profile: String) throws -> Bool {
        try keyring.keys().contains(profile)
    }

    package func get(_ profile: String) throws -> Credentials? {
        guard var data = try keyring.get(profile) else { return nil }
        defer { Wipe.data(&data) }
        let stored: StoredCredentials
        do {
            stored = try StoredCredentials(json: JSONValue.parse(data))
        } catch {
            throw KeyringError.invalidItem(key: profile, detail: "not the JSON of aws-vault's credentials")
        }
        return Credentials(
            accessKeyID: stored.AccessKeyID, secretAccessKey: stored.SecretAccessKey,
            sessionToken: stored.SessionToken.flatMap { $0.isEmpty ? nil : $0 })
    }

    package func set(_ profile: String, _ credentials: Credentials) throws {
        let stored = StoredCredentials(
            AccessKeyID: credentials.accessKeyID, SecretAccessKey: credentials.secretAccessKey,
            SessionToken: credentials.sessionToken ?? "", Source: "", CanExpire: false, Expires: StoredCredentials.zeroTime)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        var data = try encoder.encode(stored)
        defer { Wipe.data(&data) }
        try keyring.set(profile, data)
    }

    /// Removes a profile's keys; false when there were none.
    @discardableResult
    package func remove(_ profile: String) throws -> Bool {
        guard try keyring.keys().contains(profile) else { return false }
        try keyring.remove(profile)
        return true
    }
}

/// aws-vault's item data for long-term keys: `{"AccessKeyID", "SecretAccessKey",
/// "SessionToken", "Source", "CanExpire", "Expires"}`. Older aws-vault wrote
/// `ProviderName` instead of the last three; every field but the keys is optional.
struct StoredCredentials: Encodable {
    /// Go's zero `time.Time`, which aws-vault writes for keys that do not expire.
    static let zeroTime = "0001-01-01T00:00:00Z"

    var AccessKeyID: String
    var SecretAccessKey: String
    var SessionToken: String?
    var Source: String?
    var CanExpire: Bool?
    var Expires: String?

    /// Read with `JSONValue` (the hot path; see there), as `Decodable` would.
    init(json: JSONValue) throws(JSONValue.Malformed) {
        let members = try JSONValue.Members(json)
        self.init(
            AccessKeyID: try members.string("AccessKeyID"), SecretAccessKey: try members.string("SecretAccessKey"),
            SessionToken: try members.optionalString("SessionToken"), Source: try members.optionalString("Source"),
            CanExpire: try members.optionalBool("CanExpire"), Expires: try members.optionalString("Expires"))
    }

    init(
        AccessKeyID: String, SecretAccessKey: String, SessionToken: String?, Source: String?, CanExpire: Bool?, Expires: String?
    ) {
        self.AccessKeyID = AccessKeyID
        self.SecretAccessKey = SecretAccessKey
        self.SessionToken = SessionToken
        self.Source = Source
        self.CanExpire = CanExpire
        self.Expires = Expires
    }
}
