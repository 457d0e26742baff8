import CCrypto
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
package enum AEAD {
    package static let keySize = 32
    static let nonceSize = 12
    static let tagSize = 16

    /// Encrypts `plaintext` with a fresh random nonce; `associatedData` is
    /// authenticated but not stored.
    package static func seal(_ plaintext: Data, key: Data, associatedData: Data = Data()) throws -> Data {
        precondition(key.count == keySize, "AES-256-GCM needs a 32-byte key")
        let nonce = try Random.bytes(nonceSize)
        let context = try CipherContext()
        var output = Data(count: plaintext.count + tagSize)
        var written: Int32 = 0
        try key.withUnsafeBytes { k in
            try nonce.withUnsafeBytes { n in
                try check(EVP_EncryptInit_ex(context.pointer, EVP_aes_256_gcm(), nil, nil, nil), "EncryptInit")
                try check(EVP_CIPHER_CTX_ctrl(context.pointer, EVP_CTRL_GCM_SET_IVLEN, Int32(nonceSize), nil), "SET_IVLEN")
                try check(EVP_EncryptInit_ex(context.pointer, nil, nil, k.bindMemory(to: UInt8.self).baseAddress, n.bindMemory(to: UInt8.self).baseAddress), "EncryptInit key")
            }
        }
        try associatedData.withUnsafeBytes { ad in
            if ad.count > 0 {
                var ignored: Int32 = 0
                try check(EVP_EncryptUpdate(context.pointer, nil, &ignored, ad.bindMemory(to: UInt8.self).baseAddress, Int32(ad.count)), "EncryptUpdate AAD")
            }
        }
        try output.withUnsafeMutableBytes { out in
            let o = out.bindMemory(to: UInt8.self).baseAddress!
            try plaintext.withUnsafeBytes { p in
                if p.count > 0 {
                    try check(EVP_EncryptUpdate(context.pointer, o, &written, p.bindMemory(to: UInt8.self).baseAddress, Int32(p.count)), "EncryptUpdate")
                }
            }
            var final: Int32 = 0
            try check(EVP_EncryptFinal_ex(context.pointer, o + Int(written), &final), "EncryptFinal")
            try check(EVP_CIPHER_CTX_ctrl(context.pointer, EVP_CTRL_GCM_GET_TAG, Int32(tagSize), o + plaintext.count), "GET_TAG")
        }
        return nonce + output
    }

    /// Decrypts what `seal` made; throws `authenticationFailed` when the key,
    /// the associated data or any byte differs.
    package static func open(_ sealed: Data, key: Data, associatedData: Data = Data()) throws -> Data {
        precondition(key.count == keySize, "AES-256-GCM needs a 32-byte key")
        guard sealed.count >= nonceSize + tagSize else { throw CryptoError.malformed }
        let sealed = Data(sealed)  // rebase indices to 0
        let nonce = sealed.prefix(nonceSize)
        let ciphertext = sealed.subdata(in: nonceSize..<(sealed.count - tagSize))
        var tag = sealed.suffix(tagSize)
        let context = try CipherContext()
        var output = Data(count: ciphertext.count)
        try key.withUnsafeBytes { k in
            try nonce.withUnsafeBytes { n in
                try check(EVP_DecryptInit_ex(context.pointer, EVP_aes_256_gcm(), nil, nil, nil), "DecryptInit")
                try check(EVP_CIPHER_CTX_ctrl(context.pointer, EVP_CTRL_GCM_SET_IVLEN, Int32(nonceSize), nil), "SET_IVLEN")
                try check(EVP_DecryptInit_ex(context.pointer, nil, nil, k.bindMemory(to: UInt8.self).baseAddress, n.bindMemory(to: UInt8.self).baseAddress), "DecryptInit key")
            }
        }
        try associatedData.withUnsafeBytes { ad in
            if ad.count > 0 {
                var ignored: Int32 = 0
                try check(EVP_DecryptUpdate(context.pointer, nil, &ignored, ad.bindMemory(to: UInt8.self).baseAddress, Int32(ad.count)), "DecryptUpdate AAD")
            }
        }
        let ok: Bool = try output.withUnsafeMutableBytes { out in
            let o = out.bindMemory(to: UInt8.self).baseAddress
            var written: Int32 = 0
            try ciphertext.withUnsafeBytes { c in
                if c.count > 0 {
                    try check(EVP_DecryptUpdate(context.pointer, o, &written, c.bindMemory(to: UInt8.self).baseAddress, Int32(c.count)), "DecryptUpdate")
                }
            }
            try tag.withUnsafeMutableBytes { t in
                try check(EVP_CIPHER_CTX_ctrl(context.pointer, EVP_CTRL_GCM_SET_TAG, Int32(tagSize), t.baseAddress), "SET_TAG")
            }
            var final: Int32 = 0
            var scratch = [UInt8](repeating: 0, count: 16)
            return EVP_DecryptFinal_ex(context.pointer, &scratch, &final) == 1
        }
        guard ok else {
            Wipe.data(&output)
            throw CryptoError.authenticationFailed
        }
        return output
    }

    private static func check(_ result: Int32, _ operation: String) throws {
        guard result == 1 else { throw CryptoError.openSSL(operation) }
    }
}

/// Owns an `EVP_CIPHER_CTX`; frees it (which also cleanses the key schedule).
private final class CipherContext {
    let pointer: OpaquePointer

    init() throws {
        guard let pointer = EVP_CIPHER_CTX_new() else { throw CryptoError.openSSL("EVP_CIPHER_CTX_new") }
        self.pointer = pointer
    }

    deinit { EVP_CIPHER_CTX_free(pointer) }
}
