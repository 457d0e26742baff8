import CShims
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Cryptographically secure random bytes (OpenSSL's DRBG).
package enum Random {
    package static func bytes(_ count: Int) throws -> Data {
        try SystemLibrary.libcrypto.load()
        var data = Data(count: count)
        let ok = data.withUnsafeMutableBytes { vault_random_bytes($0.baseAddress?.assumingMemoryBound(to: UInt8.self), count) }
        guard ok == 1 else { throw CryptoError.openSSL("random bytes") }
        return data
    }
}
