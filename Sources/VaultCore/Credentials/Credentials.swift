#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A set of AWS credentials: long-term keys, or temporary ones from STS.
///
/// `description` never shows the secret or the token, so a stray
/// interpolation cannot leak them.
package struct Credentials: Sendable, Equatable, Codable, CustomStringConvertible {
    package var accessKeyID: String
    package var secretAccessKey: String
    package var sessionToken: String?
    /// When temporary credentials stop working; nil for long-term keys.
    package var expiration: Date?

    package init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Date? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
    }

    package var isTemporary: Bool { sessionToken != nil }

    /// The key id shortened for messages: `****TIZG`.
    package var redactedKeyID: String { Self.redact(accessKeyID) }

    /// Any access key id shortened for messages: `****TIZG`.
    package static func redact(_ keyID: String) -> String { "****" + keyID.suffix(4) }

    package var description: String {
        "Credentials(\(redactedKeyID)\(isTemporary ? ", temporary" : ""))"
    }
}
