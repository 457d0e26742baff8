#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// AWS Signature Version 4 for a request in hand (headers, not query-string
/// presigning), byte for byte as botocore's `SigV4Auth` signs it.
///
/// The derived signing key is cached per key, date, region and service, so a
/// process signing many requests runs HMAC four times only once a day.
package struct SigV4Signer: Sendable {
    package var credentials: Credentials
    package var region: String
    package var service: String

    package init(credentials: Credentials, region: String, service: String) {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// Headers that proxies and clients may change on the way: never signed.
    static let unsignedHeaders: Set<String> = [
        "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
        "trailer", "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
    ]

    /// Adds `X-Amz-Date`, `X-Amz-Security-Token` (temporary credentials),
    /// `Host` (when absent) and `Authorization` to `request`.
    package func sign(_ request: inout HTTPRequest, date: Date = Date()) throws {
        let timestamp = AWSTime.amzDate(date)
        request.headers.removeAll { $0.0.lowercased() == "authorization" }
        request.setHeader("X-Amz-Date", timestamp)
        if let token = credentials.sessionToken {
            request.setHeader("X-Amz-Security-Token", token)
        }
        if request.header("host") == nil, let host = URLParts(request.url)?.hostHeader {
            request.headers.append(("Host", host))
        }
        let (canonical, signedHeaders) = try canonicalRequest(request)
        let day = String(timestamp.prefix(8))
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let stringToSign = "AWS4-HMAC-SHA256\n\(timestamp)\n\(scope)\n\(Hex.encode(try Digest.sha256(canonical)))"
        let signature = Hex.encode(try Digest.hmacSHA256(key: try signingKey(day: day), stringToSign))
        request.headers.append((
            "Authorization",
            "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), SignedHeaders=\(signedHeaders), Signature=\(signature)"
        ))
    }

    /// The canonical request and the signed-header list for `request` as it
    /// stands (call after the date and token headers are set).
    package func canonicalRequest(_ request: HTTPRequest) throws -> (String, signedHeaders: String) {
        let url = URLParts(request.url) ?? URLParts(scheme: "", netloc: "", path: "", query: "")
        var grouped: [String: [String]] = [:]
        for (name, value) in request.headers {
            let lower = name.lowercased()
            if Self.unsignedHeaders.contains(lower) { continue }
            grouped[lower, default: []].append(Self.trimAll(value))
        }
        if grouped["host"] == nil { grouped["host"] = [url.hostHeader] }
        let names = grouped.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let headerLines = names.map { "\($0):\(grouped[$0]!.joined(separator: ","))" }
        let signedHeaders = names.joined(separator: ";")
        let payloadHash = try request.header("X-Amz-Content-SHA256") ?? Hex.encode(Digest.sha256(request.body))
        let canonical = [
            request.method.uppercased(),
            Self.canonicalURI(url.path),
            Self.canonicalQuery(url.query),
            headerLines.joined(separator: "\n") + "\n",
            signedHeaders,
            payloadHash,
        ].joined(separator: "\n")
        return (canonical, signedHeaders)
    }

    /// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, day), region), service), "aws4_request").
    func signingKey(day: String) throws -> [UInt8] {
        let scope = "\(credentials.accessKeyID)/\(day)/\(region)/\(service)"
        // The secret's digest tells apart two secrets under one key id
        // (a rotated or mistyped key) without keeping the secret itself.
        let fingerprint = try Digest.sha256(credentials.secretAccessKey)
        if let hit = Self.keyCache.withLock({ $0[scope] }), hit.fingerprint == fingerprint {
            return hit.key
        }
        var key = try Digest.hmacSHA256(key: Array("AWS4\(credentials.secretAccessKey)".utf8), day)
        key = try Digest.hmacSHA256(key: key, region)
        key = try Digest.hmacSHA256(key: key, service)
        key = try Digest.hmacSHA256(key: key, "aws4_request")
        Self.keyCache.withLock { cache in
            if cache.count > 64 { cache.removeAll() }
            cache[scope] = (fingerprint, key)
        }
        return key
    }

    private static let keyCache = Mutex<[String: (fingerprint: [UInt8], key: [UInt8])]>([:])

    /// Collapses runs of whitespace to one space and trims the ends
    /// (Python's `' '.join(value.split())`, ASCII whitespace).
    static func trimAll(_ value: String) -> String {
        value.utf8.split(whereSeparator: { $0 == 0x20 || (0x09...0x0d).contains($0) || (0x1c...0x1f).contains($0) })
            .map { String(decoding: $0, as: UTF8.self) }
            .joined(separator: " ")
    }

    /// The path with dot segments and empty segments removed, then
    /// percent-encoded again (so an encoded `%2F` becomes `%252F`: AWS
    /// services other than S3 expect the path encoded twice).
    static func canonicalURI(_ path: String) -> String {
        guard !path.isEmpty else { return "/" }
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." {
                if !segments.isEmpty { segments.removeLast() }
                continue
            }
            segments.append(segment)
        }
        var normalized = path.hasPrefix("/") ? "/" : ""
        normalized += segments.joined(separator: "/")
        if path.hasSuffix("/") && !segments.isEmpty { normalized += "/" }
        return percentEncode(normalized, keepSlash: true)
    }

    /// The query's `key=value` pairs, sorted, left as encoded in the URL.
    static func canonicalQuery(_ query: String) -> String {
        guard !query.isEmpty else { return "" }
        let pairs = query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> (String, String) in
            if let eq = pair.firstIndex(of: "=") {
                return (String(pair[..<eq]), String(pair[pair.index(after: eq)...]))
            }
            return (String(pair), "")
        }
        return pairs.sorted {
            $0.0 == $1.0 ? $0.1.utf8.lexicographicallyPrecedes($1.1.utf8) : $0.0.utf8.lexicographicallyPrecedes($1.0.utf8)
        }
        .map { "\($0.0)=\($0.1)" }
        .joined(separator: "&")
    }

    /// RFC 3986 percent-encoding: only unreserved characters stay as they are.
    package static func percentEncode(_ text: String, keepSlash: Bool = false, spaceAsPlus: Bool = false) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"):
                out.append(byte)
            case UInt8(ascii: "/") where keepSlash:
                out.append(byte)
            case UInt8(ascii: " ") where spaceAsPlus:
                out.append(UInt8(ascii: "+"))
            default:
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0f)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A URL split as Python's `urlsplit` splits it: scheme, authority, path,
/// query, each left as written.
package struct URLParts: Sendable, Equatable {
    package var scheme: String
    package var netloc: String
    package var path: String
    package var query: String

    package init(scheme: String, netloc: String, path: String, query: String) {
        self.scheme = scheme
        self.netloc = netloc
        self.path = path
        self.query = query
    }

    package init?(_ url: String) {
        guard let (scheme, after) = splitScheme(url) else { return nil }
        self.scheme = scheme.lowercased()
        var rest = after
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        netloc = String(rest[..<authorityEnd])
        rest = rest[authorityEnd...]
        if let q = rest.firstIndex(of: "?") {
            path = String(rest[..<q])
            query = String(rest[rest.index(after: q)...])
        } else {
            path = String(rest)
            query = ""
        }
        guard !netloc.isEmpty else { return nil }
    }

    /// The host without user info or port, lower-cased (IPv6 without brackets).
    package var hostname: String {
        var host = Substring(netloc)
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            return host[host.index(after: host.startIndex)..<close].lowercased()
        }
        if let colon = host.lastIndex(of: ":") { host = host[..<colon] }
        return host.lowercased()
    }

    /// The port written in the URL, if any.
    package var port: Int? {
        var host = Substring(netloc)
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if let close = host.lastIndex(of: "]") { host = host[host.index(after: close)...] }
        guard let colon = host.lastIndex(of: ":") else { return nil }
        return Int(host[host.index(after: colon)...])
    }

    /// `Host` header value: the host name, with the port unless it is the
    /// scheme's default.
    package var hostHeader: String {
        var host = hostname
        if host.contains(":") { host = "[\(host)]" }
        let defaultPort = scheme == "https" ? 443 : scheme == "http" ? 80 : nil
        if let port, port != defaultPort { host += ":\(port)" }
        return host
    }
}
