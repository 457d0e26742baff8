#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Decrypts the one kind of JWE (RFC 7516) that 99designs/keyring's file
/// backend writes (aws-vault's file store): compact serialization,
/// `alg` PBES2-HS256+A128KW (RFC 7518 §4.8), `enc` A256GCM, no `zip`.
///
/// Only this kind is accepted: a header naming anything else is refused, not
/// guessed at, so a file cannot steer vault to a weaker algorithm.
package enum JWE {
    package enum Failure: Error, Equatable {
        /// Not five base64url parts, or a header that is not this kind's (what is wrong, no secret).
        case malformed(String)
        /// The key unwrap's integrity check failed: the passphrase is wrong (or the key was changed).
        case wrongPassphrase
        /// The content's tag did not match: the file was changed after it was written.
        case tampered
    }

    static let algorithm = "PBES2-HS256+A128KW"
    static let encryption = "A256GCM"
    /// aws-vault writes 8192; more than this is refused (each costs a PBKDF2 round).
    static let maximumIterations = 1_000_000

    /// The plaintext of `compact`, sealed under `passphrase`.
    package static func decrypt(_ compact: Data, passphrase: Data) throws(Failure) -> Data {
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
        let trimmed = compact.drop(while: isSpace).reversed().drop(while: isSpace).reversed()
        let parts = String(decoding: trimmed, as: UTF8.self).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5 else { throw .malformed("not a JWE in compact form (\(parts.count) parts, not 5)") }
        guard let headerBytes = base64URL(parts[0]), let header = try? JSONValue.Members(JSONValue.parse(headerBytes)) else {
            throw .malformed("its header is not base64url JSON")
        }
        guard (try? header.string("alg")) == algorithm, (try? header.string("enc")) == encryption else {
            throw .malformed("only alg \(algorithm) with enc \(encryption) is read")
        }
        guard (try? header.optionalString("zip")) == .some(nil), (try? header.optionalBool("zip")) == .some(nil) else {
            throw .malformed("compressed (zip) content is not read")
        }
        guard let iterations = try? header.int("p2c"), (1...maximumIterations).contains(iterations) else {
            throw .malformed("p2c is missing or outside 1…\(maximumIterations)")
        }
        guard let p2s = try? header.string("p2s"), let saltInput = base64URL(p2s), saltInput.count >= 8 else {
            throw .malformed("p2s is missing or shorter than 8 bytes")
        }
        guard let wrappedKey = base64URL(parts[1]), wrappedKey.count == 40,
              let iv = base64URL(parts[2]), iv.count == 12,
              let ciphertext = base64URL(parts[3]),
              let tag = base64URL(parts[4]), tag.count == 16
        else { throw .malformed("its key, IV or tag has the wrong size for A128KW/A256GCM") }

        // RFC 7518 §4.8.1.1: the salt is the alg name, a zero byte, then p2s.
        var salt = Data(algorithm.utf8)
        salt.append(0)
        salt.append(saltInput)
        guard var kek = try? KDF.pbkdf2SHA256(passphrase: passphrase, salt: salt, iterations: UInt32(iterations), length: 16) else {
            throw .malformed("PBKDF2 failed: \(CryptoLibrary.problem)")
        }
        defer { Wipe.data(&kek) }
        var contentKey: Data
        do {
            contentKey = try KeyWrap.unwrap(wrappedKey, kek: kek)
        } catch CryptoError.authenticationFailed {
            throw .wrongPassphrase
        } catch {
            throw .malformed("AES key unwrap failed: \(CryptoLibrary.problem)")
        }
        defer { Wipe.data(&contentKey) }
        // The associated data is the header exactly as written (its base64url text).
        do {
            return try AEAD.open(iv + ciphertext + tag, key: contentKey, associatedData: Data(parts[0].utf8))
        } catch {
            throw .tampered
        }
    }

    /// base64url without padding (RFC 7515 §2); nil for any other character.
    static func base64URL(_ text: String) -> Data? {
        guard text.utf8.allSatisfy({ $0 < 0x80 && ($0 == 0x2D || $0 == 0x5F || ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A)) }) else {
            return nil
        }
        var standard = text.replacing("-", with: "+").replacing("_", with: "/")
        while standard.utf8.count % 4 != 0 { standard += "=" }
        return Data(base64Encoded: standard)
    }
}
