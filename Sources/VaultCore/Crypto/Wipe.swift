import CShims
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Overwrites buffers that held secrets, in a way the optimiser keeps
/// (explicit_bzero), before they are released.
package enum Wipe {
    package static func data(_ data: inout Data) {
        data.withUnsafeMutableBytes { buffer in
            if let base = buffer.baseAddress, buffer.count > 0 { vault_wipe(base, buffer.count) }
        }
    }

    package static func bytes(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { buffer in
            if let base = buffer.baseAddress, buffer.count > 0 { vault_wipe(base, buffer.count) }
        }
    }
}
