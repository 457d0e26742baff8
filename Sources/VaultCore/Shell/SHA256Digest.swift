import CCrypto

/// SHA-256 through libcrypto, for the trust store's keys. (The one call into
/// libcrypto from the shell area; it moves to Crypto/ when that folder has a
/// digest wrapper.)
enum SHA256Digest {
    static func hex(_ bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        _ = bytes.withUnsafeBytes { input in
            EVP_Digest(input.baseAddress, input.count, &digest, &length, EVP_sha256(), nil)
        }
        return digest.map { BourneQuoting.hex($0) }.joined()
    }
}
