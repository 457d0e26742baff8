import CShims
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The Linux kernel keyring (session keyring, "user" keys): where the file
/// store keeps its data key between commands of one login session.
///
/// Every call fails soft: containers often block keyctl, and then vault
/// works without the cache and says nothing.
enum KernelKeyring {
    /// Stores `secret` under `description`, expiring after `ttl` seconds.
    static func store(_ description: String, _ secret: Data, ttl: UInt32) -> Bool {
        secret.withUnsafeBytes { vault_keyctl_add(description, $0.baseAddress, $0.count, ttl) } >= 0
    }

    /// The secret stored under `description`, if any.
    static func read(_ description: String, maximumLength: Int = 64) -> Data? {
        let serial = vault_keyctl_search(description)
        guard serial >= 0 else { return nil }
        var buffer = Data(count: maximumLength)
        let length = buffer.withUnsafeMutableBytes { vault_keyctl_read(serial, $0.baseAddress, $0.count) }
        guard length >= 0, length <= maximumLength else {
            Wipe.data(&buffer)
            return nil
        }
        buffer.count = Int(length)
        return buffer
    }

    /// Forgets the secret stored under `description`; false when there was none.
    @discardableResult
    static func forget(_ description: String) -> Bool {
        let serial = vault_keyctl_search(description)
        guard serial >= 0 else { return false }
        return vault_keyctl_invalidate(serial) >= 0
    }
}
