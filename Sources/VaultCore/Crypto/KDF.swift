import CShims
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// scrypt (RFC 7914) and PBKDF2 (RFC 8018) through OpenSSL, for keys derived
/// from a passphrase: scrypt for vault's stores, PBKDF2 to read JWE's PBES2.
package enum KDF {
    /// The cost parameters, stored alongside what they protect.
    package struct ScryptParameters: Codable, Equatable, Sendable {
        package var logN: Int
        package var r: Int
        package var p: Int

        package init(logN: Int, r: Int, p: Int) {
            self.logN = logN
            self.r = r
            self.p = p
        }

        /// N=2^15, r=8, p=1: 32 MiB and about 0.1 s, the floor for new stores.
        package static let standard = ScryptParameters(logN: 15, r: 8, p: 1)

        /// Whether vault runs scrypt with these (bounds memory and time).
        static func accepted(_ parameters: ScryptParameters) -> Bool {
            (1...22).contains(parameters.logN) && (1...64).contains(parameters.r) && (1...16).contains(parameters.p)
        }

        /// Memory scrypt needs for these parameters, in bytes.
        var memory: UInt64 { 128 * UInt64(r) * (UInt64(1) << UInt64(logN)) + 128 * UInt64(r) * UInt64(p) + 1024 * 1024 }
    }

    /// Derives `length` bytes from `passphrase` and `salt`.
    package static func scrypt(passphrase: Data, salt: Data, parameters: ScryptParameters, length: Int = 32) throws -> Data {
        guard ScryptParameters.accepted(parameters) else { throw CryptoError.malformed }
        try SystemLibrary.libcrypto.load()
        var key = Data(count: length)
        let result = key.withUnsafeMutableBytes { out in
            passphrase.withUnsafeBytes { pass in
                salt.withUnsafeBytes { s in
                    vault_scrypt(
                        pass.baseAddress?.assumingMemoryBound(to: UInt8.self), pass.count,
                        s.baseAddress?.assumingMemoryBound(to: UInt8.self), s.count,
                        UInt64(1) << UInt64(parameters.logN), UInt64(parameters.r), UInt64(parameters.p),
                        parameters.memory,
                        out.baseAddress?.assumingMemoryBound(to: UInt8.self), length)
                }
            }
        }
        guard result == 1 else { throw CryptoError.openSSL("scrypt") }
        return key
    }

    /// PBKDF2-HMAC-SHA256: `length` bytes from `passphrase` and `salt`.
    package static func pbkdf2SHA256(passphrase: Data, salt: Data, iterations: UInt32, length: Int) throws -> Data {
        var key = Data(count: length)
        let result = key.withUnsafeMutableBytes { out in
            passphrase.withUnsafeBytes { pass in
                salt.withUnsafeBytes { s in
                    vault_pbkdf2_sha256(
                        pass.baseAddress?.assumingMemoryBound(to: UInt8.self), pass.count,
                        s.baseAddress?.assumingMemoryBound(to: UInt8.self), s.count, iterations,
                        out.baseAddress?.assumingMemoryBound(to: UInt8.self), length)
                }
            }
        }
        guard result == 1 else { throw CryptoError.openSSL("PBKDF2: \(CryptoLibrary.problem)") }
        return key
    }
}
