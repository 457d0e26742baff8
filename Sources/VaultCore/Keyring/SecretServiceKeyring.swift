import Synchronization
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The desktop keyring through the Secret Service (GNOME Keyring, KeePassXC,
/// KWallet ≥ 5.97), in aws-vault's layout on Linux (99designs/keyring's
/// `secret-service` backend) so that both tools share their items:
///
/// - one item per key, label = key, attribute `profile` = key;
/// - the secret is `{"Key", "Data", "Label", "Description"}` as JSON
///   (`application/json`), `Data` the base64 of the stored bytes.
///
/// Where items go: the collection named by `--secret-service-collection`
/// (created, through the daemon's prompt, when missing); else `awsvault` when
/// it exists (aws-vault's); else the default collection (the login keyring).
/// Items vault puts in the default collection also carry `vault` = `1`, so
/// that listing them does not walk every password of the login keyring.
/// Lookups search each of these collections in that order.
package final class SecretServiceKeyring: Keyring {
    package static let awsVaultCollection = "awsvault"
    static let markerAttribute = ("vault", "1")

    /// The collection named explicitly, if any.
    package let collectionName: String?
    private let connection = Mutex<Connection?>(nil)

    private struct Place: @unchecked Sendable {
        var collection: LibSecret.SecretObject
        var name: String
        /// A collection that holds only aws-vault/vault items (listed whole).
        var dedicated: Bool
    }

    private struct Connection: @unchecked Sendable {
        var service: LibSecret.SecretObject
        var explicit: Place?
        var places: [Place]
    }

    package init(collectionName: String?) {
        self.collectionName = collectionName
    }

    /// Connects now; throws `secretServiceUnavailable` when no Secret Service
    /// answers (how the default backend is chosen).
    package func connect() throws {
        _ = try withConnection { _ in }
    }

    // MARK: Keyring

    package func keys() throws -> [String] {
        try withConnection { connection in
            var seen = Set<String>()
            var keys: [String] = []
            for place in connection.places {
                let items = try call("list items") {
                    place.dedicated
                        ? try LibSecret.items(place.collection)
                        : try LibSecret.search(place.collection, attribute: Self.markerAttribute.0, value: Self.markerAttribute.1)
                }
                for item in items {
                    guard let key = LibSecret.label(ofItem: item) ?? LibSecret.attribute("profile", of: item) else { continue }
                    if seen.insert(key).inserted { keys.append(key) }
                }
            }
            return keys
        }
    }

    package func get(_ key: String) throws -> Data? {
        try withConnection { connection in
            for place in connection.places {
                let items = try find(key, in: place, connection)
                guard let item = items.first else { continue }
                var secret = try call("read the item '\(key)'") { try LibSecret.secret(of: item) }
                defer { Wipe.data(&secret) }
                return try Self.unwrap(secret, key: key)
            }
            return nil
        }
    }

    package func set(_ key: String, _ data: Data) throws {
        try withConnection { connection in
            let place = try writePlace(&connection)
            try unlock(place, connection)
            var secret = try Self.wrap(data, key: key)
            defer { Wipe.data(&secret) }
            var attributes = [("profile", key)]
            if !place.dedicated { attributes.append(Self.markerAttribute) }
            try call("store the item '\(key)'") {
                try LibSecret.createItem(in: place.collection, label: key, attributes: attributes, secret: secret, contentType: "application/json")
            }
        }
    }

    package func remove(_ key: String) throws {
        try withConnection { connection in
            for place in connection.places {
                for item in try find(key, in: place, connection) {
                    try call("delete the item '\(key)'") { try LibSecret.delete(item) }
                }
            }
        }
    }

    // MARK: Collections

    private func withConnection<T>(_ body: (inout Connection) throws -> T) throws -> T {
        try connection.withLock { state in
            if state == nil { state = try Self.open(collectionName) }
            return try body(&state!)
        }
    }

    private static func open(_ explicitName: String?) throws -> Connection {
        let service: LibSecret.SecretObject
        do {
            service = try LibSecret.service()
        } catch {
            throw KeyringError.secretServiceUnavailable(Self.reason(error))
        }
        var places: [Place] = []
        var explicit: Place?
        if let explicitName, let collection = LibSecret.collection(named: explicitName, in: service) {
            explicit = Place(collection: collection, name: explicitName, dedicated: true)
            places.append(explicit!)
        }
        if explicitName != awsVaultCollection, let collection = LibSecret.collection(named: awsVaultCollection, in: service) {
            places.append(Place(collection: collection, name: awsVaultCollection, dedicated: true))
        }
        let fallback: LibSecret.SecretObject?
        do {
            fallback = try LibSecret.collection(alias: "default", in: service)
        } catch {
            throw KeyringError.secretService(operation: "find the default collection", reason: Self.reason(error))
        }
        if let fallback {
            let path = LibSecret.path(of: fallback)
            if !places.contains(where: { LibSecret.path(of: $0.collection) == path }) {
                places.append(Place(collection: fallback, name: LibSecret.label(of: fallback), dedicated: false))
            }
        }
        return Connection(service: service, explicit: explicit, places: places)
    }

    /// Where `set` writes: the explicit collection (created when missing),
    /// else `awsvault`, else the default collection.
    private func writePlace(_ connection: inout Connection) throws -> Place {
        if let collectionName {
            if let explicit = connection.explicit { return explicit }
            let created: LibSecret.SecretObject
            do {
                created = try LibSecret.createCollection(collectionName, in: connection.service)
            } catch {
                throw KeyringError.collectionNotCreated(name: collectionName, reason: Self.reason(error))
            }
            let place = Place(collection: created, name: collectionName, dedicated: true)
            connection.explicit = place
            connection.places.insert(place, at: 0)
            return place
        }
        guard let place = connection.places.first else { throw KeyringError.noDefaultCollection }
        return place
    }

    /// The items for `key` in one collection. A locked collection is unlocked
    /// first (the daemon prompts): a locked store is never reported as a miss.
    private func find(_ key: String, in place: Place, _ connection: Connection) throws -> [LibSecret.SecretObject] {
        try unlock(place, connection)
        let items = try call("search for '\(key)'") { try LibSecret.search(place.collection, attribute: "profile", value: key) }
        for item in items where LibSecret.isLocked(item: item) {
            guard try call("unlock '\(place.name)'", { try LibSecret.unlock(item, in: connection.service) }) else {
                throw KeyringError.collectionLocked(place.name)
            }
        }
        return items
    }

    private func unlock(_ place: Place, _ connection: Connection) throws {
        guard LibSecret.isLocked(collection: place.collection) else { return }
        guard try call("unlock '\(place.name)'", { try LibSecret.unlock(place.collection, in: connection.service) }) else {
            throw KeyringError.collectionLocked(place.name)
        }
    }

    private func call<T>(_ operation: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw KeyringError.secretService(operation: operation, reason: Self.reason(error))
        }
    }

    private static func reason(_ error: any Error) -> String {
        (error as? LibSecret.Failure)?.reason ?? "\(error)"
    }

    // MARK: Item layout

    /// 99designs/keyring's `Item` as JSON; Go writes `[]byte` as standard base64.
    struct Envelope: Codable {
        var Key: String
        var Data: String
        var Label: String?
        var Description: String?
    }

    static func wrap(_ data: Data, key: String) throws -> Data {
        let label: String
        let description: String
        if let session = SessionKey(key) {
            label = "aws-vault session for \(session.profile) (expires \(Int64(session.expiration.timeIntervalSince1970)))"
            description = "aws-vault session"
        } else {
            label = "aws-vault (\(key))"
            description = ""
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return try encoder.encode(Envelope(Key: key, Data: data.base64EncodedString(), Label: label, Description: description))
    }

    static func unwrap(_ secret: Data, key: String) throws -> Data {
        guard let envelope = try? JSONDecoder().decode(Envelope.self, from: secret) else {
            throw KeyringError.invalidItem(key: key, detail: "the secret is not a JSON {\"Key\", \"Data\", …} object")
        }
        guard let data = Data(base64Encoded: envelope.Data) else {
            throw KeyringError.invalidItem(key: key, detail: "Data is not base64")
        }
        return data
    }
}
