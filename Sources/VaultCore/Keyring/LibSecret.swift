import CShims
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Every call into libsecret goes through here (via the dlopen shim in
/// CShims/secret.c). GObjects are owned by `SecretObject`, which releases them.
enum LibSecret {
    /// A libsecret GObject (service, collection or item); unref'd on deinit.
    final class SecretObject: @unchecked Sendable {
        let pointer: UnsafeMutableRawPointer
        init(_ pointer: UnsafeMutableRawPointer) { self.pointer = pointer }
        deinit { vault_secret_release(pointer) }
    }

    struct Failure: Error {
        var reason: String
    }

    /// Turns a malloc'd C string into a Swift one and frees it.
    static func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    static func failure(_ error: UnsafeMutablePointer<CChar>?, _ fallback: String) -> Failure {
        Failure(reason: take(error) ?? fallback)
    }

    static func service() throws -> SecretObject {
        var error: UnsafeMutablePointer<CChar>?
        guard let service = vault_secret_service(&error) else { throw failure(error, "no answer") }
        return SecretObject(service)
    }

    static func collection(named name: String, in service: SecretObject) -> SecretObject? {
        vault_secret_collection_named(service.pointer, name).map(SecretObject.init)
    }

    static func collection(alias: String, in service: SecretObject) throws -> SecretObject? {
        var error: UnsafeMutablePointer<CChar>?
        if let collection = vault_secret_collection_alias(service.pointer, alias, &error) { return SecretObject(collection) }
        if error != nil { throw failure(error, "alias lookup failed") }
        return nil
    }

    static func createCollection(_ label: String, in service: SecretObject) throws -> SecretObject {
        var error: UnsafeMutablePointer<CChar>?
        guard let collection = vault_secret_collection_create(service.pointer, label, &error) else {
            throw failure(error, "the prompt was dismissed")
        }
        return SecretObject(collection)
    }

    static func isLocked(collection: SecretObject) -> Bool { vault_secret_collection_locked(collection.pointer) != 0 }
    static func isLocked(item: SecretObject) -> Bool { vault_secret_item_locked(item.pointer) != 0 }
    static func path(of collection: SecretObject) -> String { take(vault_secret_collection_path(collection.pointer)) ?? "" }
    static func label(of collection: SecretObject) -> String { take(vault_secret_collection_label(collection.pointer)) ?? "" }
    static func label(ofItem item: SecretObject) -> String? { take(vault_secret_item_label(item.pointer)) }
    static func attribute(_ name: String, of item: SecretObject) -> String? { take(vault_secret_item_attribute(item.pointer, name)) }

    /// Asks the daemon to unlock (it may prompt); false when it stayed locked.
    static func unlock(_ object: SecretObject, in service: SecretObject) throws -> Bool {
        var error: UnsafeMutablePointer<CChar>?
        let result = vault_secret_unlock(service.pointer, object.pointer, &error)
        if result < 0 { throw failure(error, "unlock failed") }
        return result == 1
    }

    static func search(_ collection: SecretObject, attribute: String, value: String) throws -> [SecretObject] {
        var error: UnsafeMutablePointer<CChar>?
        var items: UnsafeMutablePointer<UnsafeMutableRawPointer?>?
        let count = vault_secret_search(collection.pointer, attribute, value, &items, &error)
        return try objects(items, count, error)
    }

    static func items(_ collection: SecretObject) throws -> [SecretObject] {
        var error: UnsafeMutablePointer<CChar>?
        var items: UnsafeMutablePointer<UnsafeMutableRawPointer?>?
        let count = vault_secret_items(collection.pointer, &items, &error)
        return try objects(items, count, error)
    }

    private static func objects(
        _ items: UnsafeMutablePointer<UnsafeMutableRawPointer?>?, _ count: Int, _ error: UnsafeMutablePointer<CChar>?
    ) throws -> [SecretObject] {
        guard count >= 0, let items else { throw failure(error, "search failed") }
        var result: [SecretObject] = []
        for index in 0..<count {
            if let item = items[index] { result.append(SecretObject(item)) }
            items[index] = nil  // ownership moved to the SecretObject
        }
        vault_secret_free_items(items, count)
        return result
    }

    /// The item's secret; the caller wipes it.
    static func secret(of item: SecretObject) throws -> Data {
        var error: UnsafeMutablePointer<CChar>?
        var bytes: UnsafeMutablePointer<UInt8>?
        var length = 0
        guard vault_secret_item_secret(item.pointer, &bytes, &length, &error) == 0, let bytes else {
            throw failure(error, "reading the secret failed")
        }
        defer {
            memset(bytes, 0, length)
            free(bytes)
        }
        return Data(bytes: bytes, count: length)
    }

    static func delete(_ item: SecretObject) throws {
        var error: UnsafeMutablePointer<CChar>?
        guard vault_secret_item_delete(item.pointer, &error) == 0 else { throw failure(error, "delete failed") }
    }

    static func createItem(in collection: SecretObject, label: String, attributes: [(String, String)], secret: Data, contentType: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        let flat = attributes.flatMap { [$0.0, $0.1] }
        var cStrings: [UnsafePointer<CChar>?] = flat.map { UnsafePointer(strdup($0)) }
        cStrings.append(nil)
        defer { for pointer in cStrings { free(UnsafeMutableRawPointer(mutating: pointer)) } }
        let result = secret.withUnsafeBytes { bytes in
            vault_secret_item_create(
                collection.pointer, label, cStrings, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count, contentType, &error)
        }
        guard result == 0 else { throw failure(error, "storing failed") }
    }
}
