import CCrypto
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Cryptographically secure random bytes (OpenSSL's DRBG).
package enum Random {
    package static func bytes(_ count: Int) throws -> Data {
        var data = Data(count: count)
        let ok = data.withUnsafeMutableBytes { RAND_bytes($0.baseAddress?.assumingMemoryBound(to: UInt8.self), Int32(count)) }
        guard ok == 1 else { throw CryptoError.openSSL("RAND_bytes") }
        return data
    }
}
