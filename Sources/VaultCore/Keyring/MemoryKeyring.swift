import Synchronization
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A keyring in memory, for tests and as the reference behaviour.
package final class MemoryKeyring: Keyring {
    private let items = Mutex<[String: Data]>([:])

    package init(_ items: [String: Data] = [:]) {
        self.items.withLock { $0 = items }
    }

    package func keys() throws -> [String] { items.withLock { Array($0.keys) } }
    package func get(_ key: String) throws -> Data? { items.withLock { $0[key] } }
    package func set(_ key: String, _ data: Data) throws { items.withLock { $0[key] = data } }
    package func remove(_ key: String) throws { _ = items.withLock { $0.removeValue(forKey: key) } }
}
