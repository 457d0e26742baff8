import CShims
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// AES key wrap (RFC 3394) through OpenSSL: how JWE's `A128KW`/`PBES2-…+A128KW`
/// carry the content key. Only unwrapping: vault reads such files, it does not write them.
package enum KeyWrap {
    /// The key inside `wrapped` (8 bytes shorter); `authenticationFailed` when
    /// the key-encryption key is wrong or a byte changed.
    package static func unwrap(_ wrapped: Data, kek: Data) throws -> Data {
        guard [16, 24, 32].contains(kek.count), wrapped.count >= 24, wrapped.count % 8 == 0, wrapped.count <= 1024 else {
            throw CryptoError.malformed
        }
        if vault_crypto_load_error() != nil { throw CryptoError.openSSL("AES key unwrap: \(CryptoLibrary.problem)") }
        var key = Data(count: wrapped.count - 8)
        let result = key.withUnsafeMutableBytes { out in
            kek.withUnsafeBytes { k in
                wrapped.withUnsafeBytes { w in
                    vault_aes_key_unwrap(
                        k.baseAddress?.assumingMemoryBound(to: UInt8.self), k.count,
                        w.baseAddress?.assumingMemoryBound(to: UInt8.self), w.count,
                        out.baseAddress?.assumingMemoryBound(to: UInt8.self))
                }
            }
        }
        guard result == 1 else { throw CryptoError.authenticationFailed }
        return key
    }
}
