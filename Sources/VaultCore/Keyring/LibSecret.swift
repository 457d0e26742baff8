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
/// CShims): reads, writes and the daemon's prompts over a private libdbus
/// connection (secret_dbus.c, secret_prompt.c).
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

    /// CreateItem: the new item and the prompt to follow ("/" for none; the item is "/" until it is followed).
    static func createItem(
        in collection: String, session: String, label: String, attributes: [(String, String)], secret: Data, contentType: String, _ bus: Bus
    ) throws -> (item: String, prompt: String) {
        var error: UnsafeMutablePointer<CChar>?
        var item: UnsafeMutablePointer<CChar>?
        var prompt: UnsafeMutablePointer<CChar>?
        let result = withAttributes(attributes) { list in
            secret.withUnsafeBytes { bytes in
                vault_ss_create_item(
                    bus.pointer, collection, session, label, list, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count,
                    contentType, &item, &prompt, &error)
            }
        }
        guard result == 0 else { throw failure(error, "CreateItem failed") }
        return (take(item) ?? "/", take(prompt) ?? "/")
    }

    /// Item.SetSecret: replaces the secret of an item that exists.
    static func setSecret(_ item: String, session: String, secret: Data, contentType: String, _ bus: Bus) throws {
        var error: UnsafeMutablePointer<CChar>?
        let result = secret.withUnsafeBytes { bytes in
            vault_ss_set_secret(
                bus.pointer, item, session, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count, contentType, &error)
        }
        guard result == 0 else { throw failure(error, "SetSecret failed") }
    }

    /// Item.Delete: "/" when deleted, else the prompt that deletes it.
    static func delete(_ item: String, _ bus: Bus) throws -> String {
        var error: UnsafeMutablePointer<CChar>?
        guard let prompt = take(vault_ss_delete_item(bus.pointer, item, &error)) else { throw failure(error, "Delete failed") }
        return prompt
    }

    /// The items of `collection` whose attributes include all of `attributes`.
    static func search(in collection: String, attributes: [(String, String)], _ bus: Bus) throws -> [String] {
        var error: UnsafeMutablePointer<CChar>?
        var items: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        let count = withAttributes(attributes) { vault_ss_search_collection(bus.pointer, collection, $0, &items, &error) }
        guard count >= 0 else { throw failure(error, "SearchItems failed") }
        return strings(items)
    }

    /// Service.Unlock: the objects unlocked at once, and the prompt for the rest ("/" for none).
    static func unlock(_ objects: [String], _ bus: Bus) throws -> (unlocked: [String], prompt: String) {
        var error: UnsafeMutablePointer<CChar>?
        var unlocked: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        var prompt: UnsafeMutablePointer<CChar>?
        let result = withStrings(objects) { vault_ss_unlock(bus.pointer, $0, &unlocked, &prompt, &error) }
        guard result == 0 else { throw failure(error, "Unlock failed") }
        return (strings(unlocked), take(prompt) ?? "/")
    }

    /// Service.CreateCollection: the collection ("/" until the prompt is followed) and the prompt ("/" for none).
    static func createCollection(_ label: String, _ bus: Bus) throws -> (collection: String, prompt: String) {
        var error: UnsafeMutablePointer<CChar>?
        var collection: UnsafeMutablePointer<CChar>?
        var prompt: UnsafeMutablePointer<CChar>?
        guard vault_ss_create_collection(bus.pointer, label, &collection, &prompt, &error) == 0 else {
            throw failure(error, "CreateCollection failed")
        }
        return (take(collection) ?? "/", take(prompt) ?? "/")
    }

    enum PromptOutcome: Equatable {
        /// The paths the prompt returned (the new item or collection, the unlocked objects).
        case completed([String])
        case dismissed
        /// No answer within the wait; the prompt was dismissed.
        case unanswered
    }

    /// Runs the prompt and waits at most `timeout` seconds for it to complete.
    static func prompt(_ path: String, timeout: Double, _ bus: Bus) throws -> PromptOutcome {
        var error: UnsafeMutablePointer<CChar>?
        var result: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        let milliseconds = Int32(clamping: Int((timeout * 1000).rounded(.up)))
        switch vault_ss_prompt(bus.pointer, path, milliseconds, &result, &error) {
        case 1: return .completed(strings(result))
        case 0:
            _ = strings(result)
            return .dismissed
        case -2: return .unanswered
        default: throw failure(error, "the prompt failed")
        }
    }

    /// The process id of the program that owns the Secret Service's name.
    static func ownerPID(_ bus: Bus) throws -> Int32 {
        var error: UnsafeMutablePointer<CChar>?
        let pid = vault_ss_owner_pid(bus.pointer, &error)
        guard pid > 0 else { throw failure(error, "GetConnectionUnixProcessID failed") }
        return Int32(clamping: pid)
    }

    /// Calls `body` with a NULL-terminated C list of `strings`.
    private static func withStrings<T>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> T) -> T {
        let owned: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        defer { owned.forEach { free($0) } }
        let list: [UnsafePointer<CChar>?] = owned.map { $0.map { UnsafePointer($0) } } + [nil]
        return list.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// Calls `body` with the attributes as a NULL-terminated name, value, … list.
    private static func withAttributes<T>(_ attributes: [(String, String)], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> T) -> T {
        withStrings(attributes.flatMap { [$0.0, $0.1] }, body)
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
