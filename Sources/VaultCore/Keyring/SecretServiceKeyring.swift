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
/// it exists (aws-vault's); else the default collection (the login keyring);
/// else, where a display can show the daemon's dialog, a new `awsvault`
/// collection (as aws-vault creates it).
///
/// Every call that may return a prompt (CreateItem, Item.Delete, Unlock,
/// CreateCollection) follows it with a bounded wait: KeePassXC answers every
/// CreateItem and Delete with one, KWallet every Unlock. Every write and
/// delete is read back before it is reported done.
/// Items vault puts in the default collection also carry `vault` = `1`, so
/// that listing them does not walk every password of the login keyring.
/// Lookups search each of these collections in that order.
package final class SecretServiceKeyring: Keyring {
    package static let awsVaultCollection = "awsvault"
    static let collectionPrefix = "/org/freedesktop/secrets/collection/"
    static let markerAttribute = ("vault", "1")

    /// The collection named explicitly, if any.
    package let collectionName: String?
    /// How long a prompt may take (seconds) before vault withdraws it.
    let promptTimeout: Double
    /// Whether a person may see the daemon's dialogs (a display is set).
    let canShowDialogs: Bool
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

    package init(collectionName: String?, busAddress: String, promptTimeout: Double = 10, canShowDialogs: Bool = false) {
        self.collectionName = collectionName
        self.busAddress = busAddress
        self.promptTimeout = promptTimeout
        self.canShowDialogs = canShowDialogs
    }

    /// Who answers, and whether the collection vault writes to is locked (for `vault doctor`).
    package func status() throws -> (provider: SecretServiceProvider, collection: String?, locked: Bool) {
        try withConnection { connection in
            let provider = provider(connection)
            guard let place = places(connection, includingDefault: true).first else { return (provider, nil, false) }
            let locked = try call("read whether '\(place.name)' is locked") { try LibSecret.isLocked(place.path, connection.bus) }
            // The default collection by its label ("login", a wallet's or a database's name).
            let label = place.dedicated ? place.name : (try? LibSecret.label(place.path, item: false, connection.bus)) ?? ""
            return (provider, label.isEmpty ? place.name : label, locked)
        }
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
            let action = "store the item '\(key)' in '\(place.name)'"
            // An item that is there already gets the new secret in place: KeePassXC
            // (before 2.7.7) asks a person before CreateItem may replace an entry
            // another client made, even with its confirmations turned off.
            let existing = try call("search for '\(key)'") { try LibSecret.search(in: place.path, attributes: attributes, connection.bus) }
            var item = existing.first { (try? LibSecret.setSecret($0, session: session, secret: secret, contentType: Self.contentType, connection.bus)) != nil }
            if item == nil {
                let created = try call(action) {
                    try LibSecret.createItem(
                        in: place.path, session: session, label: key, attributes: attributes, secret: secret,
                        contentType: Self.contentType, connection.bus)
                }
                item = try follow(created.prompt, to: action, connection)?.first ?? created.item
            }
            try confirmStored(item, secret: secret, attributes: attributes, place: place, action: action, connection)
        }
    }

    /// Reads the item back: there, holding `secret`, or the write is an error.
    private func confirmStored(
        _ reported: String?, secret: Data, attributes: [(String, String)], place: Place, action: String, _ connection: Connection
    ) throws {
        var item = reported ?? "/"
        if item == "/" || !place.holds(item) {  // a daemon that did not say which item: ask
            let found = try call("search for what was stored") { try LibSecret.search(in: place.path, attributes: attributes, connection.bus) }
            guard let first = found.first else {
                throw KeyringError.notConfirmed(provider: provider(connection).name, action: action, detail: "finds no such item")
            }
            item = first
        }
        var stored: Data
        do {
            stored = try LibSecret.secret(item, session: connection.session, connection.bus)
        } catch {
            throw KeyringError.notConfirmed(provider: provider(connection).name, action: action, detail: "failed (\(Self.reason(error)))")
        }
        defer { Wipe.data(&stored) }
        guard stored == secret else {
            throw KeyringError.notConfirmed(provider: provider(connection).name, action: action, detail: "gives a different secret")
        }
    }

    package func remove(_ key: String) throws {
        try withConnection { connection in
            connection.listed[key] = nil
            let found = try call("search for '\(key)'") { try LibSecret.searchAll(attribute: "profile", value: key, connection.bus) }
            let places = places(connection, includingDefault: true)
            var deleted: [String] = []
            for place in places {
                let locked = found.locked.filter(place.holds)
                if !locked.isEmpty { try unlock(place, connection) }
                for item in locked { try unlock(item: item, key: key, connection) }
                for item in found.unlocked.filter(place.holds) + locked {
                    let action = "delete the item '\(key)' from '\(place.name)'"
                    let prompt = try call(action) { try LibSecret.delete(item, connection.bus) }
                    _ = try follow(prompt, to: action, connection)
                    deleted.append(item)
                }
            }
            guard !deleted.isEmpty else { return }
            // Asked again: a daemon that answered Delete (or its prompt) may still hold the item.
            let after = try call("search for '\(key)'") { try LibSecret.searchAll(attribute: "profile", value: key, connection.bus) }
            if let left = (after.unlocked + after.locked).first(where: { item in places.contains { $0.holds(item) } }) {
                throw KeyringError.notConfirmed(
                    provider: provider(connection).name, action: "delete the item '\(key)'", detail: "still finds it (\(left))")
            }
        }
    }

    // MARK: Prompts

    /// Follows `prompt` unless it is "/" (none): the paths it completed with.
    /// Dismissed, or not answered in time, is an error naming the provider.
    private func follow(_ prompt: String, to action: String, _ connection: Connection) throws -> [String]? {
        guard prompt != "/" else { return nil }
        switch try call(action, { try LibSecret.prompt(prompt, timeout: promptTimeout, connection.bus) }) {
        case .completed(let paths):
            return paths
        case .dismissed:
            throw KeyringError.promptDismissed(provider: provider(connection).name, action: action)
        case .unanswered:
            let provider = provider(connection)
            throw KeyringError.promptUnanswered(
                provider: provider.name, action: action, seconds: Int(promptTimeout.rounded(.up)), help: provider.promptHelp)
        }
    }

    /// The program that owns the Secret Service's bus name.
    private func provider(_ connection: Connection) -> SecretServiceProvider {
        guard let pid = try? LibSecret.ownerPID(connection.bus) else { return SecretServiceProvider(kind: .other, program: "", pid: 0) }
        return SecretServiceProvider.identify(pid: pid)
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
            let place = Place(path: try createCollection(collectionName, connection), name: collectionName, dedicated: true)
            connection.explicit = place
            return place
        }
        if let place = places(connection, includingDefault: true).first { return place }
        let provider = provider(connection)
        // aws-vault creates its collection here; vault does too where a person can answer the daemon's dialog.
        guard canShowDialogs else { throw KeyringError.noDefaultCollection(provider: provider.name, help: provider.createCollectionHelp) }
        let place = Place(path: try createCollection(Self.awsVaultCollection, connection), name: Self.awsVaultCollection, dedicated: true)
        connection.awsVault = place
        return place
    }

    /// Creates a collection through the daemon (which may prompt); its path.
    private func createCollection(_ name: String, _ connection: Connection) throws -> String {
        do {
            let created = try LibSecret.createCollection(name, connection.bus)
            let path = try follow(created.prompt, to: "create the collection '\(name)'", connection)?.first ?? created.collection
            guard path != "/" else { throw LibSecret.Failure(reason: "the daemon returned no collection") }
            return path
        } catch KeyringError.promptDismissed(let provider, _) {
            throw KeyringError.collectionNotCreated(name: name, reason: "\(provider) dismissed its prompt")
        } catch KeyringError.promptUnanswered(let provider, _, let seconds, _) {
            throw KeyringError.collectionNotCreated(name: name, reason: "no one answered \(provider)'s prompt within \(seconds) s")
        } catch {
            throw KeyringError.collectionNotCreated(name: name, reason: Self.reason(error))
        }
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
                try unlock(item: item, key: key, connection)
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

    /// Unlocks the collection when it is locked, following the daemon's prompt
    /// (KWallet prompts even for a wallet PAM opened, and needs no person then).
    private func unlock(_ place: Place, _ connection: Connection) throws {
        guard try call("read whether '\(place.name)' is locked", { try LibSecret.isLocked(place.path, connection.bus) }) else { return }
        let action = "unlock the collection '\(place.name)'"
        let answer = try call(action) { try LibSecret.unlock([place.path], connection.bus) }
        var unlocked = answer.unlocked
        do {
            unlocked += try follow(answer.prompt, to: action, connection) ?? []
        } catch KeyringError.promptDismissed {
            unlocked = []
        }
        guard unlocked.contains(place.path) else {
            let provider = provider(connection)
            throw KeyringError.collectionLocked(place.name, provider: provider.name, help: provider.promptHelp)
        }
    }

    /// Unlocks an item the daemon lists as locked in an unlocked collection:
    /// KeePassXC locks each entry from each client until a person allows it
    /// (unless its access confirmation is off).
    private func unlock(item: String, key: String, _ connection: Connection) throws {
        let action = "unlock the item '\(key)'"
        let answer = try call(action) { try LibSecret.unlock([item], connection.bus) }
        if answer.unlocked.contains(item) { return }
        guard try follow(answer.prompt, to: action, connection)?.contains(item) == true else {
            throw KeyringError.promptDismissed(provider: provider(connection).name, action: action)
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
        (error as? LibSecret.Failure)?.reason ?? (error as? VaultError)?.message ?? "\(error)"
    }

    static let contentType = "application/json"

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
