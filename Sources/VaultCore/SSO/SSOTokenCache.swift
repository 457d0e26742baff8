#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// An IAM Identity Center access token as botocore caches it
/// (`~/.aws/sso/cache/<sha1>.json`): the token, and the client registration
/// it was issued to, which a refresh needs.
package struct SSOToken: Sendable, Equatable, CustomStringConvertible {
    package var startURL: String
    package var region: String
    package var accessToken: String
    package var expiresAt: Date
    package var refreshToken: String?
    package var clientID: String?
    package var clientSecret: String?
    package var registrationExpiresAt: Date?

    package init(startURL: String, region: String, accessToken: String, expiresAt: Date, refreshToken: String? = nil,
                 clientID: String? = nil, clientSecret: String? = nil, registrationExpiresAt: Date? = nil) {
        self.startURL = startURL
        self.region = region
        self.accessToken = accessToken
        self.expiresAt = expiresAt
        self.refreshToken = refreshToken
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.registrationExpiresAt = registrationExpiresAt
    }

    /// Never the token itself.
    package var description: String { "SSOToken(\(startURL), expires \(AWSTime.iso8601(expiresAt)))" }

    /// The registration a refresh can use: all three fields, not expired.
    func refreshableRegistration(now: Date) -> SSORegistration? {
        guard refreshToken != nil, let clientID, let clientSecret, let registrationExpiresAt,
              registrationExpiresAt > now else { return nil }
        return SSORegistration(clientID: clientID, clientSecret: clientSecret, expiresAt: registrationExpiresAt, scopes: nil)
    }
}

/// A RegisterClient result, cached as botocore's `SSOTokenFetcher` caches it.
package struct SSORegistration: Sendable, Equatable, CustomStringConvertible {
    package var clientID: String
    package var clientSecret: String
    package var expiresAt: Date
    package var scopes: [String]?

    /// Never the secret.
    package var description: String { "SSORegistration(\(clientID), expires \(AWSTime.iso8601(expiresAt)))" }
}

/// The token cache botocore and the AWS CLI v2 use, read and written exactly
/// as they do, so that one sign-in serves `aws`, boto3 and vault:
///
/// - token: `<sha1(session name)>.json` for `[sso-session]` profiles,
///   `<sha1(start URL)>.json` for legacy ones; fields `startUrl`, `region`,
///   `accessToken`, `expiresAt`, `clientId`, `clientSecret`,
///   `registrationExpiresAt`, `refreshToken` (botocore `SSOTokenLoader`,
///   `SSOTokenProvider._attempt_create_token`, `SSOTokenFetcher`);
/// - registration: `<sha1(json.dumps({tool, startUrl, region, scopes,
///   session_name}, sort_keys=True))>.json` with `clientId`, `clientSecret`,
///   `expiresAt`, `scopes` (`SSOTokenFetcher._registration_cache_key`);
/// - times as `%Y-%m-%dT%H:%M:%SZ` (read: any ISO 8601 form dateutil takes
///   from other tools, and botocore's older `…UTC`).
///
/// Writes are a temp file (0600) in the folder (0700), fsync, rename:
/// a reader sees the old file or the new one, never half of one.
package struct SSOTokenCache: Sendable {
    package let directory: String

    package init(directory: String) {
        self.directory = directory
    }

    package init(settings: Settings) {
        self.init(directory: settings.ssoCacheDirectory)
    }

    // MARK: names

    /// botocore's `_generate_cache_key`: the session name, else the start URL.
    package static func tokenKey(for session: SSOSession) throws(SSOError) -> String {
        try sha1(session.name ?? session.startURL)
    }

    /// botocore's `_registration_cache_key`, byte for byte: Python's
    /// `json.dumps(args, sort_keys=True)` (", " and ": " separators, ASCII only).
    package static func registrationKey(for session: SSOSession, scopes: [String]?) throws(SSOError) -> String {
        let scopesJSON = scopes.map { "[" + $0.map(pythonJSONString).joined(separator: ", ") + "]" } ?? "null"
        let text = "{\"region\": \(pythonJSONString(session.region)), \"scopes\": \(scopesJSON), "
            + "\"session_name\": \(session.name.map(pythonJSONString) ?? "null"), "
            + "\"startUrl\": \(pythonJSONString(session.startURL)), \"tool\": \"botocore\"}"
        return try sha1(text)
    }

    package func tokenPath(for session: SSOSession) throws(SSOError) -> String {
        directory + "/" + (try Self.tokenKey(for: session)) + ".json"
    }

    func registrationPath(for session: SSOSession, scopes: [String]?) throws(SSOError) -> String {
        directory + "/" + (try Self.registrationKey(for: session, scopes: scopes)) + ".json"
    }

    private static func sha1(_ text: String) throws(SSOError) -> String {
        guard let hex = Digest.sha1Hex(text) else { throw .crypto(CryptoLibrary.problem) }
        return hex
    }

    // MARK: tokens

    /// The cached token; nil when there is none or it is unreadable (botocore
    /// then says the token does not exist, and a sign-in replaces it).
    package func token(for session: SSOSession) throws(SSOError) -> SSOToken? {
        let path = try tokenPath(for: session)
        guard let document = try read(path) else { return nil }
        guard let accessToken = document["accessToken"]?.string, let expiresText = document["expiresAt"]?.string else {
            return nil
        }
        return SSOToken(
            startURL: document["startUrl"]?.string ?? session.startURL,
            region: document["region"]?.string ?? session.region,
            accessToken: accessToken,
            // An unreadable expiry counts as expired: a refresh or a sign-in fixes it.
            expiresAt: SSOTime.parse(expiresText) ?? .distantPast,
            refreshToken: document["refreshToken"]?.string,
            clientID: document["clientId"]?.string,
            clientSecret: document["clientSecret"]?.string,
            registrationExpiresAt: document["registrationExpiresAt"]?.string.flatMap(SSOTime.parse))
    }

    package func save(_ token: SSOToken, for session: SSOSession) throws(SSOError) {
        var members: [(String, String)] = [
            ("startUrl", token.startURL), ("region", token.region), ("accessToken", token.accessToken),
            ("expiresAt", SSOTime.format(token.expiresAt)),
        ]
        if let clientID = token.clientID { members.append(("clientId", clientID)) }
        if let clientSecret = token.clientSecret { members.append(("clientSecret", clientSecret)) }
        if let date = token.registrationExpiresAt { members.append(("registrationExpiresAt", SSOTime.format(date))) }
        if let refresh = token.refreshToken { members.append(("refreshToken", refresh)) }
        try write(Self.object(members.map { ($0.0, Self.pythonJSONString($0.1)) }), to: try tokenPath(for: session))
    }

    /// Deletes the cached token; whether there was one.
    package func removeToken(for session: SSOSession) throws(SSOError) -> Bool {
        let path = try tokenPath(for: session)
        if unlink(path) == 0 { return true }
        if errno == ENOENT { return false }
        throw .cache(path: path, operation: "delete", reason: String(cString: strerror(errno)))
    }

    // MARK: registrations

    package func registration(for session: SSOSession, scopes: [String]?) throws(SSOError) -> SSORegistration? {
        guard let document = try read(try registrationPath(for: session, scopes: scopes)),
              let clientID = document["clientId"]?.string, let clientSecret = document["clientSecret"]?.string,
              let expires = document["expiresAt"]?.string.flatMap(SSOTime.parse) else { return nil }
        var cachedScopes: [String]?
        if case .array(let items)? = document["scopes"] { cachedScopes = items.compactMap(\.string) }
        return SSORegistration(clientID: clientID, clientSecret: clientSecret, expiresAt: expires, scopes: cachedScopes)
    }

    package func save(_ registration: SSORegistration, for session: SSOSession) throws(SSOError) {
        var members: [(String, String)] = [
            ("clientId", Self.pythonJSONString(registration.clientID)),
            ("clientSecret", Self.pythonJSONString(registration.clientSecret)),
            ("expiresAt", Self.pythonJSONString(SSOTime.format(registration.expiresAt))),
        ]
        // As botocore: the scopes are written only when there are some.
        if let scopes = registration.scopes, !scopes.isEmpty {
            members.append(("scopes", "[" + scopes.map(Self.pythonJSONString).joined(separator: ", ") + "]"))
        }
        let scopes = (registration.scopes?.isEmpty ?? true) ? nil : registration.scopes
        try write(Self.object(members), to: try registrationPath(for: session, scopes: scopes))
    }

    // MARK: files

    private func read(_ path: String) throws(SSOError) -> JSONValue? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw .cache(path: path, operation: "read", reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        guard let bytes = FileBytes.readAll(fd, sizeHint: 4096), bytes.count < 1 << 20 else {
            throw .cache(path: path, operation: "read", reason: String(cString: strerror(errno)))
        }
        guard let document = try? JSONValue.parse(bytes), case .object = document else { return nil }
        return document
    }

    /// Atomically, 0600, in the folder (created 0700).
    private func write(_ text: String, to path: String) throws(SSOError) {
        if let failure = PrivateFolders.create(directory) {
            throw .cache(path: failure.path, operation: "create the folder", reason: String(cString: strerror(failure.errno)))
        }
        do {
            try AtomicFile.replace(path, mode: 0o600) { FileBytes.writeAll($0, Data(text.utf8)) }
        } catch {
            throw .cache(path: path, operation: "write", reason: error.reason)
        }
    }

    private static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { pythonJSONString($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
    }

    /// A string as Python's `json.dumps` writes it (ensure_ascii: every
    /// non-ASCII character as `\uXXXX`, UTF-16 surrogate pairs above U+FFFF).
    static func pythonJSONString(_ text: String) -> String {
        var out = "\""
        for unit in text.utf16 {
            switch unit {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            case 0x20..<0x7F, 0x7F: out.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            default:
                let hex = String(unit, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return out + "\""
    }
}

/// Times in the SSO cache.
enum SSOTime {
    /// `2026-12-01T09:18:22Z`, botocore's `_serialize_utc_timestamp`.
    static func format(_ date: Date) -> String { AWSTime.iso8601(date) }

    /// ISO 8601 with `Z` or an offset, fractions allowed; botocore's older
    /// `JSONFileCache` wrote `…UTC`.
    static func parse(_ text: String) -> Date? {
        if text.hasSuffix("UTC") { return AWSTime.parseISO8601(String(text.dropLast(3)) + "Z") }
        return AWSTime.parseISO8601(text)
    }
}
