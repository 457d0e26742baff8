#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// `sts:AssumeRoleWithWebIdentity` with the token in `web_identity_token_file`,
/// read again at every call: the file is rotated by whoever writes it (EKS,
/// a CI runner), so a cached token would go stale. The token is sent in the
/// body only and never appears in an error.
package struct WebIdentityProvider: CredentialProvider {
    package let profile: String
    package let step: WebIdentityStep
    package let sts: STSClient

    /// OIDC tokens are a few KiB; a bigger file is not one.
    static let maximumTokenBytes = 64 * 1024

    package func credentials() throws -> Credentials {
        let token = try TokenFile.read(step.tokenFile, profile: profile, key: "web_identity_token_file", limit: Self.maximumTokenBytes)
        return try sts.assumeRoleWithWebIdentity(
            roleARN: step.roleARN, roleSessionName: step.roleSessionName ?? "vault-\(Int(Date().timeIntervalSince1970))",
            token: token, durationSeconds: step.durationSeconds)
    }
}

/// A small secret file read whole (botocore reads these files as they are).
enum TokenFile {
    static func read(_ path: String, profile: String, key: String, limit: Int) throws -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw CredentialError.tokenFile(profile: profile, key: key, path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        guard let data = FileBytes.readAll(fd) else {
            throw CredentialError.tokenFile(profile: profile, key: key, path: path, reason: String(cString: strerror(errno)))
        }
        guard data.count <= limit else {
            throw CredentialError.tokenFile(profile: profile, key: key, path: path, reason: "it is larger than \(limit) bytes")
        }
        guard let text = String(data: data, encoding: .utf8), !text.isEmpty else {
            throw CredentialError.tokenFile(profile: profile, key: key, path: path, reason: "it is empty or not UTF-8 text")
        }
        return text
    }
}
