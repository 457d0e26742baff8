import CShims

extension Digest {
    /// SHA-1 of `string`'s UTF-8, as lower-case hex: only to name files the
    /// way botocore names them (`~/.aws/sso/cache/<sha1>.json`), never for
    /// security. Nil when libcrypto cannot be loaded (`CryptoLibrary.problem` says why).
    package static func sha1Hex(_ string: String) -> String? {
        let bytes = Array(string.utf8)
        var out = [UInt8](repeating: 0, count: 20)
        let ok = bytes.withUnsafeBufferPointer { b in
            out.withUnsafeMutableBufferPointer { o in vault_sha1(b.baseAddress, b.count, o.baseAddress) }
        }
        return ok == 1 ? Hex.encode(out) : nil
    }
}
