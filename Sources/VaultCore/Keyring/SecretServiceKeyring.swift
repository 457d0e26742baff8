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
    static let collectionPrefix = "/org/freedesktop/secrets/collection/"
    static let markerAttribute = ("vault", "1")

    /// The collection named explicitly, if any.
    package let collectionName: String?
    private let connection = Mutex<Connection?>(nil)

    private struct Place: Equatable {
        var path: String
        var name: String
        /// A collection that holds only aws-vault/vault items (listed whole).
        var dedicated: Bool

        func holds(_ item: String) -> Bool { item.hasPrefix(path + "/") }
    }

    private struct Connection: @unchecked Sendable {
        var bus: LibSecret.Bus
        var explicit: Place?
        var awsVault: Place?
        /// The default collection (the login keyring), if the service has one.
        var fallback: Place?
        var session: String
        /// Item paths by key, from the last `keys()`: a `get` that follows needs no search.
        var listed: [String: String] = [:]
    }

    /// The session bus's D-Bus address (`Settings.sessionBusAddress`).
    package let busAddress: String

    package init(collectionName: String?, busAddress: String) {
        self.collectionName = collectionName
        self.busAddress = busAddress
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
            let places = places(connection, includingDefault: true)
            let items = try call("list the items") {
                try LibSecret.listItems(places.map { ($0.path, !$0.dedicated) }, connection.bus)
            }
            let labels = try call("read the items' labels") { try LibSecret.labels(items, connection.bus) }
            let labelled = zip(items, labels).filter { !$0.1.isEmpty }  // "": deleted since the listing
            for place in places {  // in order: an explicit collection's item wins over awsvault's, awsvault's over the default's
                for (item, key) in labelled where place.holds(item) && seen.insert(key).inserted {
                    keys.append(key)
                    connection.listed[key] = item
                }
            }
            return keys
        }
    }

    package func get(_ key: String) throws -> Data? {
        try withConnection { connection in
            var secret: Data
            if let listed = connection.listed[key], let fast = try? LibSecret.secret(listed, session: connection.session, connection.bus) {
                secret = fast  // found by keys() just before; a locked or vanished item takes the long way
            } else {
                guard let (item, _) = try find(key, &connection) else { return nil }
                secret = try call("read the item '\(key)'") { try LibSecret.secret(item, session: connection.session, connection.bus) }
            }
            defer { Wipe.data(&secret) }
            return try Self.unwrap(secret, key: key)
        }
    }

    package func set(_ key: String, _ data: Data) throws {
        try withConnection { connection in
            connection.listed[key] = nil
            let place = try writePlace(&connection)
            try unlock(place, connection)
            let session = connection.session
            var secret = try Self.wrap(data, key: key)
            defer { Wipe.data(&secret) }
            var attributes = [("profile", key)]
            if !place.dedicated { attributes.append(Self.markerAttribute) }
            try call("store the item '\(key)'") {
                try LibSecret.createItem(
                    in: place.path, session: session, label: key, attributes: attributes, secret: secret,
                    contentType: "application/json", connection.bus)
            }
        }
    }

    package func remove(_ key: String) throws {
        try withConnection { connection in
            connection.listed[key] = nil
            let found = try call("search for '\(key)'") { try LibSecret.searchAll(attribute: "profile", value: key, connection.bus) }
            for place in places(connection, includingDefault: true) {
                let locked = found.locked.filter(place.holds)
                if !locked.isEmpty { try unlock(place, connection) }
                for item in found.unlocked.filter(place.holds) + locked {
                    try call("delete the item '\(key)'") { try LibSecret.delete(item, connection.bus) }
                }
            }
        }
    }

    // MARK: Collections

    private func withConnection<T>(_ body: (inout Connection) throws -> T) throws -> T {
        try connection.withLock { state in
            if state == nil { state = try Self.open(collectionName, busAddress: busAddress) }
            return try body(&state!)
        }
    }

    private static func open(_ explicitName: String?, busAddress: String) throws -> Connection {
        let bus: LibSecret.Bus
        let prepared: (collections: [String], defaultCollection: String?, session: String)
        do {
            bus = try LibSecret.connect(address: busAddress)
            prepared = try LibSecret.prepare(bus)
        } catch {
            throw KeyringError.secretServiceUnavailable(reason(error))
        }
        let collections = prepared.collections
        var explicit: Place?
        if let explicitName {
            if let path = collections.first(where: { $0 == collectionPrefix + explicitName })
                ?? collections.first(where: { (try? LibSecret.label($0, item: false, bus)) == explicitName }) {
                explicit = Place(path: path, name: explicitName, dedicated: true)
            }
        }
        var awsVault: Place?
        let awsVaultPath = collectionPrefix + awsVaultCollection
        if collections.contains(awsVaultPath), explicit?.path != awsVaultPath {
            awsVault = Place(path: awsVaultPath, name: awsVaultCollection, dedicated: true)
        }
        // Named by its alias in messages: reading its label would cost a call.
        let fallback = prepared.defaultCollection.map { Place(path: $0, name: "default", dedicated: false) }
        return Connection(
            bus: bus, explicit: explicit, awsVault: awsVault, fallback: fallback, session: prepared.session)
    }

    /// The collections lookups search, in order: explicit, `awsvault`, default.
    private func places(_ connection: Connection, includingDefault: Bool) -> [Place] {
        var places = [connection.explicit, connection.awsVault].compactMap { $0 }
        if includingDefault, let fallback = connection.fallback, !places.contains(where: { $0.path == fallback.path }) {
            places.append(fallback)
        }
        return places
    }

    /// Where `set` writes: the explicit collection (created when missing),
    /// else `awsvault`, else the default collection.
    private func writePlace(_ connection: inout Connection) throws -> Place {
        if let collectionName {
            if let explicit = connection.explicit { return explicit }
            let path: String
            do {
                path = try LibSecret.createCollection(collectionName)
            } catch {
                throw KeyringError.collectionNotCreated(name: collectionName, reason: Self.reason(error))
            }
            let place = Place(path: path, name: collectionName, dedicated: true)
            connection.explicit = place
            return place
        }
        guard let place = places(connection, includingDefault: true).first else { throw KeyringError.noDefaultCollection }
        return place
    }

    /// The item for `key` and the collection holding it. An item in a locked
    /// collection is unlocked (the daemon prompts); a miss while one of the
    /// collections is locked is not trusted: a locked store is never a miss.
    private func find(_ key: String, _ connection: inout Connection, retried: Bool = false) throws -> (String, Place)? {
        let found = try call("search for '\(key)'") { try LibSecret.searchAll(attribute: "profile", value: key, connection.bus) }
        let near = places(connection, includingDefault: false)
        let outside = (found.unlocked + found.locked).contains { item in !near.contains { $0.holds(item) } }
        let candidates = outside ? places(connection, includingDefault: true) : near
        for place in candidates {
            if let item = found.unlocked.first(where: place.holds) { return (item, place) }
            if let item = found.locked.first(where: place.holds) {
                try unlock(place, connection)
                return (item, place)
            }
        }
        guard !retried else { return nil }
        var unlockedAny = false
        for place in places(connection, includingDefault: true)
        where try call("read whether '\(place.name)' is locked", { try LibSecret.isLocked(place.path, connection.bus) }) {
            try unlock(place, connection)
            unlockedAny = true
        }
        return unlockedAny ? try find(key, &connection, retried: true) : nil
    }

    private func unlock(_ place: Place, _ connection: Connection) throws {
        guard try call("read whether '\(place.name)' is locked", { try LibSecret.isLocked(place.path, connection.bus) }) else { return }
        guard try call("unlock '\(place.name)'", { try LibSecret.unlock(place.path) }) else {
            throw KeyringError.collectionLocked(place.name)
        }
    }

    private func call<T>(_ operation: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as KeyringError {
            throw error
        } catch {
            throw KeyringError.secretService(operation: operation, reason: Self.reason(error))
        }
    }

    private static func reason(_ error: any Error) -> String {
        (error as? LibSecret.Failure)?.reason ?? "\(error)"
    }

    // MARK: Item layout

    /// 99designs/keyring's `Item` as JSON; Go writes `[]byte` as standard base64.
    struct Envelope: Encodable {
        var Key: String
        var Data: String
        var Label: String?
        var Description: String?

        /// Read with `JSONValue` (the hot path; see there), as `Decodable` would.
        init(json: JSONValue) throws(JSONValue.Malformed) {
            let members = try JSONValue.Members(json)
            self.init(
                Key: try members.string("Key"), Data: try members.string("Data"),
                Label: try members.optionalString("Label"), Description: try members.optionalString("Description"))
        }

        init(Key: String, Data: String, Label: String?, Description: String?) {
            self.Key = Key
            self.Data = Data
            self.Label = Label
            self.Description = Description
        }
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
        guard let envelope = try? Envelope(json: JSONValue.parse(secret)) else {
            throw KeyringError.invalidItem(key: key, detail: "the secret is not a JSON {\"Key\", \"Data\", …} object")
        }
        guard let data = Data(base64Encoded: envelope.Data) else {
            throw KeyringError.invalidItem(key: key, detail: "Data is not base64")
        }
        return data
    }
}
