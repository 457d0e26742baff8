#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A store of named secrets: the seam between vault and where keys live.
///
/// A miss is `nil`; a store that is locked, unreachable or damaged throws a
/// `KeyringError`. Never report a locked store as a miss.
package protocol Keyring: AnyObject, Sendable {
    /// The names of every item, in no particular order.
    func keys() throws -> [String]
    func get(_ key: String) throws -> Data?
    func set(_ key: String, _ data: Data) throws
    func remove(_ key: String) throws
}
