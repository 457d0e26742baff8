import CShims

/// SHA-256 and HMAC-SHA256 from OpenSSL's libcrypto (loaded on first use
/// through `SystemLibrary`, CShims/crypto.c), and lower-case hex. Throws
/// `SystemLibraryError` when libcrypto cannot be loaded.
///
/// Every call into libcrypto for digests goes through this file.
package enum Digest {
    package static let sha256Length = 32

    /// SHA-256 of `bytes`.
    package static func sha256<Bytes: Collection<UInt8>>(_ bytes: Bytes) throws -> [UInt8] {
        try SystemLibrary.libcrypto.load()
        var out = [UInt8](repeating: 0, count: sha256Length)
        let ok: Int32 = bytes.withContiguousStorageIfAvailable { buffer in
            digest(buffer, into: &out)
        } ?? Array(bytes).withUnsafeBufferPointer { digest($0, into: &out) }
        guard ok == 1 else { throw CryptoError.openSSL("SHA-256") }
        return out
    }

    package static func sha256(_ string: String) throws -> [UInt8] {
        try sha256(Array(string.utf8))
    }

    /// HMAC-SHA256 of `message` under `key`.
    package static func hmacSHA256<K: Collection<UInt8>, M: Collection<UInt8>>(key: K, _ message: M) throws -> [UInt8] {
        try SystemLibrary.libcrypto.load()
        let key = Array(key), message = Array(message)
        var out = [UInt8](repeating: 0, count: sha256Length)
        let result = key.withUnsafeBufferPointer { k in
            message.withUnsafeBufferPointer { m in
                out.withUnsafeMutableBufferPointer { o in
                    vault_hmac_sha256(k.baseAddress, k.count, m.baseAddress, m.count, o.baseAddress)
                }
            }
        }
        guard result == 1 else { throw CryptoError.openSSL("HMAC-SHA256") }
        return out
    }

    package static func hmacSHA256<K: Collection<UInt8>>(key: K, _ message: String) throws -> [UInt8] {
        try hmacSHA256(key: key, Array(message.utf8))
    }

    private static func digest(_ buffer: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Int32 {
        out.withUnsafeMutableBufferPointer { o in
            vault_sha256(buffer.baseAddress, buffer.count, o.baseAddress)
        }
    }
}

package enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Lower-case hex of `bytes`.
    package static func encode<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
