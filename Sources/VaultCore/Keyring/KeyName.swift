#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The name of a cached STS session in the store, in aws-vault's format so
/// that both tools see each other's sessions:
/// `TYPE,base64url(profile),base64url(mfa serial),UNIX-EXPIRY`
/// e.g. `sts.GetSessionToken,d29yaw,,1700000000`.
package struct SessionKey: Equatable, Hashable, Sendable {
    /// `sts.GetSessionToken`, `sts.AssumeRole`, `sts.AssumeRoleWithWebIdentity`, `sso.GetRoleCredentials`…
    package var kind: String
    package var profile: String
    package var mfaSerial: String
    package var expiration: Date

    package init(kind: String, profile: String, mfaSerial: String = "", expiration: Date) {
        self.kind = kind
        self.profile = profile
        self.mfaSerial = mfaSerial
        self.expiration = expiration
    }

    /// Parses a store key; nil when it is not a current-format session key.
    package init?(_ name: String) {
        let parts = name.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 4, !parts[0].isEmpty, !parts[1].isEmpty, !parts[3].isEmpty,
              parts[3].allSatisfy({ $0.isASCII && $0.isNumber }),
              let seconds = Int64(parts[3]),
              let profile = Base64URL.decode(String(parts[1])),
              let mfa = Base64URL.decode(String(parts[2]))
        else { return nil }
        self.kind = String(parts[0])
        self.profile = profile
        self.mfaSerial = mfa
        self.expiration = Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// The key under which the session is stored.
    package var name: String {
        prefixForMatching + String(Int64(expiration.timeIntervalSince1970.rounded(.down)))
    }

    /// Everything but the expiry: how aws-vault finds a profile's session of one kind.
    package var prefixForMatching: String {
        "\(kind),\(Base64URL.encode(profile)),\(Base64URL.encode(mfaSerial)),"
    }

    /// The kind without its service prefix, as `vault list` shows it: `GetSessionToken`.
    package var displayKind: String {
        kind.split(separator: ".", maxSplits: 1).last.map(String.init) ?? kind
    }
}

/// What a store key holds, told from its name alone (as aws-vault does).
package enum KeyName {
    /// A cached session, current or from an older aws-vault format.
    package static func isSession(_ name: String) -> Bool {
        SessionKey(name) != nil || isOldSession(name)
    }

    /// aws-vault's SSO OIDC tokens: `oidc:START-URL`.
    package static func isOIDCToken(_ name: String) -> Bool { name.hasPrefix("oidc:") }

    /// Long-term credentials: anything that is neither a session nor a token.
    package static func isCredentials(_ name: String) -> Bool { !isSession(name) && !isOIDCToken(name) }

    /// aws-vault's older session names (`session,…`, `session:…:…:…`, `NAME session (123)`).
    static func isOldSession(_ name: String) -> Bool {
        if name.hasPrefix("session:") && name.split(separator: ":", omittingEmptySubsequences: false).count == 4 { return true }
        if name.hasSuffix(")"), let open = name.ranges(of: " session (").last {
            let digits = name[open.upperBound..<name.index(before: name.endIndex)]
            return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber } && open.lowerBound > name.startIndex
        }
        return false
    }
}

/// base64url without padding, as aws-vault's session keys use it.
enum Base64URL {
    /// Foundation's base64 with the URL-safe alphabet (RFC 4648 §5), unpadded.
    /// Byte by byte: `String.replacing` and `Character` properties cost about
    /// 0.15 ms of first-use set-up on every store read.
    static func encode(_ string: String) -> String {
        let standard = Data(string.utf8).base64EncodedString()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(standard.utf8.count)
        for byte in standard.utf8 {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: "-"))
            case UInt8(ascii: "/"): bytes.append(UInt8(ascii: "_"))
            case UInt8(ascii: "="): continue
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func decode(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 3)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                bytes.append(byte)
            case UInt8(ascii: "-"): bytes.append(UInt8(ascii: "+"))
            case UInt8(ascii: "_"): bytes.append(UInt8(ascii: "/"))
            default: return nil
            }
        }
        while bytes.count % 4 != 0 { bytes.append(UInt8(ascii: "=")) }
        guard let data = Data(base64Encoded: Data(bytes)) else { return nil }
        return String(validating: data, as: UTF8.self)
    }
}
