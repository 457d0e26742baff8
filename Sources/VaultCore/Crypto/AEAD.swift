import CShims
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What can go wrong in the thin OpenSSL wrappers. Callers turn it into their
/// own domain's error (a damaged file, a wrong passphrase).
package enum CryptoError: VaultError, Equatable {
    /// The tag did not match: wrong key, or the bytes were changed.
    case authenticationFailed
    /// The sealed bytes are too short or malformed.
    case malformed
    /// OpenSSL refused an operation (named).
    case openSSL(String)

    package var message: String {
        switch self {
        case .authenticationFailed: "decryption failed: wrong key or damaged data"
        case .malformed: "encrypted data is truncated or malformed"
        case .openSSL(let operation): "OpenSSL failed in \(operation)"
        }
    }
}

/// AES-256-GCM, sealed as `nonce (12) ‖ ciphertext ‖ tag (16)`.
///
/// OpenSSL's AES and GCM mode through CShims/aead.c rather than EVP, whose
/// first use costs about a millisecond of provider start-up per process.
package enum AEAD {
    package static let keySize = 32
    static let nonceSize = 12
    static let tagSize = 16

    /// Encrypts `plaintext` with a fresh random nonce; `associatedData` is
    /// authenticated but not stored.
    package static func seal(_ plaintext: Data, key: Data, associatedData: Data = Data()) throws -> Data {
        precondition(key.count == keySize, "AES-256-GCM needs a 32-byte key")
        let nonce = try Random.bytes(nonceSize)  // loads libcrypto (SystemLibrary) or throws
        var output = Data(count: plaintext.count + tagSize)
        let result = output.withUnsafeMutableBytes { out in
            let o = out.bindMemory(to: UInt8.self).baseAddress!
            return key.withBytes { k in
                nonce.withBytes { n in
                    associatedData.withBytes { ad in
                        plaintext.withBytes { p in
                            vault_aes256gcm_seal(k, n, ad, associatedData.count, p, plaintext.count, o, o + plaintext.count)
                        }
                    }
                }
            }
        }
        guard result == 0 else { throw CryptoError.openSSL("AES-256-GCM seal") }
        return nonce + output
    }

    /// Decrypts what `seal` made; throws `authenticationFailed` when the key,
    /// the associated data or any byte differs.
    package static func open(_ sealed: Data, key: Data, associatedData: Data = Data()) throws -> Data {
        precondition(key.count == keySize, "AES-256-GCM needs a 32-byte key")
        guard sealed.count >= nonceSize + tagSize else { throw CryptoError.malformed }
        try SystemLibrary.libcrypto.load()
        let sealed = Data(sealed)  // rebase indices to 0
        let nonce = sealed.prefix(nonceSize)
        let ciphertext = sealed.subdata(in: nonceSize..<(sealed.count - tagSize))
        let tag = sealed.suffix(tagSize)
        var output = Data(count: ciphertext.count)
        let result = output.withUnsafeMutableBytes { out in
            key.withBytes { k in
                nonce.withBytes { n in
                    associatedData.withBytes { ad in
                        ciphertext.withBytes { c in
                            tag.withBytes { t in
                                vault_aes256gcm_open(
                                    k, n, ad, associatedData.count, c, ciphertext.count, t,
                                    out.bindMemory(to: UInt8.self).baseAddress ?? UnsafeMutablePointer(mutating: k))
                            }
                        }
                    }
                }
            }
        }
        switch result {
        case 0: return output
        case 1: throw CryptoError.authenticationFailed
        default: throw CryptoError.openSSL("AES-256-GCM open")
        }
    }
}

extension Data {
    /// The bytes as a C pointer (never null, also for empty data).
    fileprivate func withBytes<T>(_ body: (UnsafePointer<UInt8>) -> T) -> T {
        withUnsafeBytes { raw in
            if let base = raw.bindMemory(to: UInt8.self).baseAddress { return body(base) }
            var zero: UInt8 = 0
            return body(&zero)
        }
    }
}
