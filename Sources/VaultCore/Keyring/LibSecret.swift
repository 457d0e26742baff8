import CShims
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Every Secret Service call goes through here (via the dlopen shims in
/// CShims): reads and writes over a private libdbus connection
/// (secret_dbus.c), and libsecret for the daemon's prompts (secret.c).
enum LibSecret {
    struct Failure: Error {
        var reason: String
    }

    /// The session-bus connection (a private libdbus connection), closed on deinit.
    final class Bus: @unchecked Sendable {
        let pointer: UnsafeMutableRawPointer
        init(_ pointer: UnsafeMutableRawPointer) { self.pointer = pointer }
        deinit { vault_ss_release(pointer) }
    }

    static func connect(address: String) throws -> Bus {
        try SystemLibrary.libdbus.load()
        var error: UnsafeMutablePointer<CChar>?
        guard let bus = vault_ss_connect(address, &error) else { throw failure(error, "no session bus") }
        return Bus(bus)
    }

    /// In one round trip: every collection, the default collection (if any) and a plain session.
    static func prepare(_ bus: Bus) throws -> (collections: [String], defaultCollection: String?, session: String) {
        var error: UnsafeMutablePointer<CChar>?
        var collections: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        var fallback: UnsafeMutablePointer<CChar>?
        var session: UnsafeMutablePointer<CChar>?
        guard vault_ss_prepare(bus.pointer, &collections, &fallback, &session, &error) == 0 else {
            throw failure(error, "the Secret Service did not answer")
        }
        return (strings(collections), take(fallback), take(session) ?? "/")
    }

    /// The items of several collections in one round trip: all of a
    /// collection's, or only those marked `vault` = `1` where `markedOnly`.
    static func listItems(_ collections: [(path: String, markedOnly: Bool)], _ bus: Bus) throws -> [String] {
        let owned: [UnsafeMutablePointer<CChar>?] = collections.map { strdup($0.path) }
        defer { owned.forEach { free($0) } }
        let paths = owned.map { $0.map { UnsafePointer($0) } }
        let marked = collections.map { Int32($0.markedOnly ? 1 : 0) }
        var error: UnsafeMutablePointer<CChar>?
        var items: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        let count = vault_ss_list_items(bus.pointer, paths, marked, Int32(collections.count), &items, &error)
        guard count >= 0 else { throw failure(error, "listing items failed") }
        return strings(items)
    }

    /// The labels of `items`, asked all at once.
    static func labels(_ items: [String], _ bus: Bus) throws -> [String] {
        let owned: [UnsafeMutablePointer<CChar>?] = items.map { strdup($0) } + [nil]
        defer { owned.forEach { free($0) } }
        var list = owned
        var error: UnsafeMutablePointer<CChar>?
        var labels: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        let count = list.withUnsafeMutableBufferPointer { vault_ss_item_labels(bus.pointer, $0.baseAddress, &labels, &error) }
        guard count >= 0 else { throw failure(error, "reading labels failed") }
        return strings(labels)
    }

    static func label(_ path: String, item: Bool, _ bus: Bus) throws -> String {
        var error: UnsafeMutablePointer<CChar>?
        guard let label = take(vault_ss_label(bus.pointer, path, item ? 1 : 0, &error)) else { throw failure(error, "reading a label failed") }
        return label
    }

    static func isLocked(_ collection: String, _ bus: Bus) throws -> Bool {
        var error: UnsafeMutablePointer<CChar>?
        let result = vault_ss_locked(bus.pointer, collection, &error)
        if result < 0 { throw failure(error, "reading Locked failed") }
        return result == 1
    }

    /// Items of every collection with `attribute` = `value`: (unlocked, locked).
    static func searchAll(attribute: String, value: String, _ bus: Bus) throws -> (unlocked: [String], locked: [String]) {
        var error: UnsafeMutablePointer<CChar>?
        var unlocked: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        var locked: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        guard vault_ss_search(bus.pointer, attribute, value, &unlocked, &locked, &error) == 0 else { throw failure(error, "SearchItems failed") }
        return (strings(unlocked), strings(locked))
    }

    /// The item's secret; the caller wipes it.
    static func secret(_ item: String, session: String, _ bus: Bus) throws -> Data {
        var error: UnsafeMutablePointer<CChar>?
        var bytes: UnsafeMutablePointer<UInt8>?
        var length = 0
        guard vault_ss_get_secret(bus.pointer, item, session, &bytes, &length, &error) == 0, let bytes else {
            throw failure(error, "GetSecret failed")
        }
        defer {
            memset(bytes, 0, length)
            free(bytes)
        }
        return Data(bytes: bytes, count: length)
    }

    static func createItem(
        in collection: String, session: String, label: String, attributes: [(String, String)], secret: Data, contentType: String, _ bus: Bus
    ) throws {
        var error: UnsafeMutablePointer<CChar>?
        let flat: [String] = attributes.flatMap { [$0.0, $0.1] }
        let owned: [UnsafeMutablePointer<CChar>?] = flat.map { strdup($0) }
        defer { owned.forEach { free($0) } }
        var list: [UnsafePointer<CChar>?] = owned.map { $0.map { UnsafePointer($0) } }
        list.append(nil)
        let result = secret.withUnsafeBytes { bytes in
            vault_ss_create_item(
                bus.pointer, collection, session, label, list, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count,
                contentType, &error)
        }
        guard result == 0 else { throw failure(error, "CreateItem failed") }
    }

    static func delete(_ item: String, _ bus: Bus) throws {
        var error: UnsafeMutablePointer<CChar>?
        guard vault_ss_delete_item(bus.pointer, item, &error) == 0 else { throw failure(error, "Delete failed") }
    }

    /// Asks the daemon to unlock (it may prompt); false when it stayed locked.
    static func unlock(_ path: String) throws -> Bool {
        try SystemLibrary.libsecret.load()
        var error: UnsafeMutablePointer<CChar>?
        let result = vault_ss_unlock(path, &error)
        if result < 0 { throw failure(error, "unlock failed") }
        return result == 1
    }

    static func createCollection(_ label: String) throws -> String {
        try SystemLibrary.libsecret.load()
        var error: UnsafeMutablePointer<CChar>?
        guard let path = take(vault_ss_create_collection(label, &error)) else { throw failure(error, "the prompt was dismissed") }
        return path
    }

    // MARK: C strings

    private static func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    private static func failure(_ error: UnsafeMutablePointer<CChar>?, _ fallback: String) -> Failure {
        Failure(reason: take(error) ?? fallback)
    }

    private static func strings(_ list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> [String] {
        guard let list else { return [] }
        defer { vault_ss_free_paths(list) }
        var result: [String] = []
        var index = 0
        while let entry = list[index] {
            result.append(String(cString: entry))
            index += 1
        }
        return result
    }
}
