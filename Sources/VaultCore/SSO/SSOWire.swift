#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An error answer from the OIDC service or the portal: the code as botocore
/// reads it (the `x-amzn-ErrorType` header, else the body's `__type`/`code`,
/// else the OAuth `error` field) and the message.
package struct SSOFailure: Error, Sendable, Equatable {
    package var code: String
    /// The service's own words.
    package var detail: String
    package var status: Int
    package var operation: String
    package var endpoint: String

    var asError: SSOError {
        .service(code: code, message: detail, operation: operation, endpoint: endpoint, status: status)
    }
}

/// An answer no caller singled out still reaches the person as one `vault:` line.
extension SSOFailure: VaultError {
    package var message: String { asError.message }
}

/// One rest-json call to an IAM Identity Center service: JSON body or query
/// string in, JSON out, unsigned (both services are `noAuth`), bounded
/// retries for throttling, 5xx and dropped connections.
struct SSOWire: Sendable {
    var baseURL: String
    var transport: HTTPTransport
    var caBundle: String?
    var proxy: String?
    var noProxy: String?
    var options: HTTPOptions

    /// The OAuth `error` values of RFC 8628 / RFC 6749 and their exception names.
    static let oauthCodes: [String: String] = [
        "authorization_pending": "AuthorizationPendingException", "slow_down": "SlowDownException",
        "expired_token": "ExpiredTokenException", "access_denied": "AccessDeniedException",
        "invalid_grant": "InvalidGrantException", "invalid_client": "InvalidClientException",
        "invalid_request": "InvalidRequestException", "unsupported_grant_type": "UnsupportedGrantTypeException",
        "invalid_scope": "InvalidScopeException", "unauthorized_client": "UnauthorizedClientException",
    ]

    /// `endpointOverride` (from Settings), else `https://HOST.REGION.<partition suffix>`.
    init(host: String, region: String, override: (url: String, source: String)?, settings: Settings,
         transport: HTTPTransport, options: HTTPOptions = .standard) throws(SSOError) {
        var url = override?.url ?? "https://\(host).\(region).\(Partition(region: region).dnsSuffix)"
        guard let parts = URLParts(url), parts.scheme == "https" || parts.scheme == "http", !parts.hostname.isEmpty else {
            throw .incompleteConfig(
                what: "endpoint URL \(URLRedaction.redact(url)) from \(override?.source ?? "sso_region") is not an http(s) URL",
                location: nil, fix: "fix it or unset it")
        }
        while url.hasSuffix("/") { url.removeLast() }
        self.baseURL = url
        self.transport = transport
        self.caBundle = settings.awsCABundle
        self.proxy = settings.proxy(forScheme: parts.scheme)
        self.noProxy = settings.noProxy
        self.options = options
    }

    var displayEndpoint: String { URLRedaction.redact(baseURL) }

    /// A JSON object body from string and string-list members, in order.
    static func body(_ members: [(String, JSONMember)]) -> [UInt8] {
        let text = "{" + members.map { name, value in
            let encoded: String
            switch value {
            case .string(let s): encoded = JSONText.quote(s)
            case .strings(let list): encoded = "[" + list.map(JSONText.quote).joined(separator: ",") + "]"
            }
            return JSONText.quote(name) + ":" + encoded
        }.joined(separator: ",") + "}"
        return Array(text.utf8)
    }

    enum JSONMember {
        case string(String)
        case strings([String])
    }

    /// Sends the call; the answer's JSON object (empty object for an empty
    /// body), or `SSOFailure` for an error answer, or `SSOError` otherwise.
    func call(
        _ operation: String, method: String, path: String, query: [(String, String)] = [],
        headers: [(String, String)] = [], body: [UInt8]? = nil
    ) throws -> JSONValue {
        var url = baseURL + path
        if !query.isEmpty {
            url += "?" + query.map { SigV4Signer.percentEncode($0.0) + "=" + SigV4Signer.percentEncode($0.1) }.joined(separator: "&")
        }
        var allHeaders = headers + [("User-Agent", "vault/\(VaultVersion.current)"), ("Accept", "application/json")]
        if body != nil { allHeaders.append(("Content-Type", "application/json")) }
        var attempt = 0
        while true {
            attempt += 1
            let request = HTTPRequest(
                method: method, url: url, headers: allHeaders, body: body ?? [],
                connectTimeout: options.connectTimeout, timeout: options.timeout,
                caBundle: caBundle, proxy: proxy, noProxy: noProxy)
            let response: HTTPResponse
            do {
                response = try transport.send(request)
            } catch let error as TransportError {
                guard error.isRetryable, attempt < options.maxAttempts else {
                    throw AWSError.network(error, endpoint: displayEndpoint, proxy: proxy.map(URLRedaction.redact), attempts: attempt)
                }
                QueryClient.pause(Double.random(in: 0...options.baseDelay * Double(attempt)))
                continue
            }
            if (200..<300).contains(response.status) {
                if response.body.isEmpty { return .object([:]) }
                guard let document = try? JSONValue.parse(response.body), case .object = document else {
                    throw SSOError.malformedResponse(operation: operation, endpoint: displayEndpoint, detail: "not a JSON object (HTTP \(response.status))")
                }
                return document
            }
            let failure = parseFailure(response, operation: operation)
            let retryable = response.status >= 500 || response.status == 429 || failure.code == "TooManyRequestsException"
            guard retryable, attempt < options.maxAttempts else { throw failure }
            QueryClient.pause(Double.random(in: 0...options.baseDelay * Double(attempt)))
        }
    }

    func parseFailure(_ response: HTTPResponse, operation: String) -> SSOFailure {
        let document = try? JSONValue.parse(response.body)
        var code = ""
        if let header = response.headers["x-amzn-errortype"] {
            code = String(header.split(separator: ":", maxSplits: 1).first ?? "")
        } else if let type = document?["__type"]?.string ?? document?["code"]?.string {
            code = String(type.split(separator: "#").last ?? "")
        } else if let oauth = document?["error"]?.string {
            code = Self.oauthCodes[oauth] ?? oauth
        }
        let message = document?["error_description"]?.string ?? document?["message"]?.string ?? document?["Message"]?.string ?? ""
        return SSOFailure(code: code, detail: message, status: response.status, operation: operation, endpoint: displayEndpoint)
    }
}

extension JSONValue {
    /// The members of an object, for reading an answer's fields.
    var objectMembers: [String: JSONValue]? {
        if case .object(let members) = self { members } else { nil }
    }

    /// A number as Double (JSON numbers are read as doubles).
    var double: Double? {
        if case .number(let n) = self { n } else { nil }
    }
}
