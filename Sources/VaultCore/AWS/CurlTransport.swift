#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CShims
import Synchronization

/// `HTTPTransport` on libcurl, which is loaded with dlopen on the first send
/// (so commands that make no request never map it, and vault runs where
/// libcurl is absent until a request is needed).
///
/// Every call into libcurl goes through this file and Sources/CShims/curl.c.
/// Proxy, no-proxy and CA settings come from the request (filled from
/// `Settings`), never from curl reading the environment itself.
package final class CurlTransport: HTTPTransport {
    package static let shared = CurlTransport()

    /// Responses larger than this are refused: STS and IAM answers are small.
    package static let maxResponseBytes = 4 << 20

    /// Handles whose last request succeeded, kept so that the next request
    /// to the same host reuses the open connection (a role chain makes
    /// several calls to one STS endpoint; each TLS handshake costs a round trip or two).
    private let idle = Mutex<[CurlHandle]>([])

    package init() {}

    package func send(_ request: HTTPRequest) throws -> HTTPResponse {
        let handle: CurlHandle
        if let reused = idle.withLock({ $0.popLast() }) {
            reused.reset()
            handle = reused
        } else {
            handle = try CurlHandle()
        }
        try handle.configure(for: request)
        let response = try handle.perform()
        idle.withLock { if $0.count < 4 { $0.append(handle) } }
        return response
    }
}

/// Lets tests reach the header parser without a live handle.
enum CurlHandleTestAccess {
    static func parse(_ text: String) -> [String: String] { CurlHandle.parseHeaders(text) }
}

/// Owns one curl easy handle (and its header list and buffers).
///
/// `@unchecked Sendable`: a handle is used by one thread at a time — it is
/// either inside one `send` or parked in the transport's locked pool.
private final class CurlHandle: @unchecked Sendable {
    let raw: OpaquePointer
    private var viaProxy = false

    init() throws {
        do {
            try SystemLibrary.libcurl.load()
        } catch {
            throw TransportError(.unavailable, error.message)
        }
        var error = [CChar](repeating: 0, count: 256)
        guard let raw = vault_curl_new(&error, error.count) else {
            let detail = String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw TransportError(.unavailable, detail)
        }
        self.raw = raw
    }

    deinit { vault_curl_free(raw) }

    func reset() {
        vault_curl_reset(raw)
        viaProxy = false
    }

    func configure(for request: HTTPRequest) throws {
        try check(vault_curl_set_string(raw, Int32(VAULT_CURLOPT_URL), request.url))
        try check(vault_curl_set_long(raw, Int32(VAULT_CURLOPT_NOSIGNAL), 1))
        try check(vault_curl_set_long(raw, Int32(VAULT_CURLOPT_CONNECTTIMEOUT_MS), milliseconds(request.connectTimeout)))
        try check(vault_curl_set_long(raw, Int32(VAULT_CURLOPT_TIMEOUT_MS), milliseconds(request.timeout)))
        // An empty proxy / no-proxy string stops curl from reading the
        // environment itself: vault decides from Settings.
        viaProxy = !(request.proxy ?? "").isEmpty
        try check(vault_curl_set_string(raw, Int32(VAULT_CURLOPT_PROXY), request.proxy ?? ""))
        try check(vault_curl_set_string(raw, Int32(VAULT_CURLOPT_NOPROXY), request.noProxy ?? ""))
        if let caBundle = request.caBundle, !caBundle.isEmpty {
            try check(vault_curl_set_string(raw, Int32(VAULT_CURLOPT_CAINFO), caBundle))
        }
        let method = request.method.uppercased()
        if method == "GET" && request.body.isEmpty {
            try check(vault_curl_set_long(raw, Int32(VAULT_CURLOPT_HTTPGET), 1))
        } else {
            try check(request.body.withUnsafeBytes { vault_curl_set_body(raw, $0.baseAddress, $0.count) })
            if method != "POST" {
                try check(vault_curl_set_string(raw, Int32(VAULT_CURLOPT_CUSTOMREQUEST), method))
            }
        }
        for (name, value) in request.headers {
            try check(vault_curl_add_header(raw, "\(name): \(value)"))
        }
        // No "Expect: 100-continue" round trip, and no default Accept.
        try check(vault_curl_add_header(raw, "Expect:"))
        if request.header("Accept") == nil { try check(vault_curl_add_header(raw, "Accept:")) }
    }

    func perform() throws -> HTTPResponse {
        let code = vault_curl_perform(raw, CurlTransport.maxResponseBytes)
        if code != Int32(VAULT_CURLE_OK) {
            if vault_curl_body_overflowed(raw) != 0 {
                throw TransportError(.tooLarge, "response larger than \(CurlTransport.maxResponseBytes) bytes")
            }
            let detail = String(cString: vault_curl_error(raw, code))
            var kind = kind(of: code)
            // Through a proxy, a refused connection or a refused tunnel is the proxy's.
            if viaProxy && (kind == .connect || detail.contains("CONNECT") || detail.lowercased().contains("proxy")) {
                kind = .proxy
            }
            throw TransportError(kind, detail)
        }
        var size = 0
        let body: Data
        if let bytes = vault_curl_body(raw, &size), size > 0 {
            body = Data(bytes: bytes, count: size)
        } else {
            body = Data()
        }
        var headerSize = 0
        var headers: [String: String] = [:]
        if let text = vault_curl_headers(raw, &headerSize), headerSize > 0 {
            let raw = UnsafeRawBufferPointer(start: text, count: headerSize)
            headers = Self.parseHeaders(String(decoding: raw, as: UTF8.self))
        }
        return HTTPResponse(status: Int(vault_curl_status(raw)), headers: headers, body: body)
    }

    /// Header lines after the status line, names lower-cased.
    static func parseHeaders(_ text: String) -> [String: String] {
        var headers: [String: String] = [:]
        for line in text.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" || $0 == "\r" }).dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmedWhitespace.lowercased()
            let value = String(line[line.index(after: colon)...].trimmedWhitespace)
            if let existing = headers[name] { headers[name] = existing + ", " + value } else { headers[name] = value }
        }
        return headers
    }

    private func check(_ code: Int32) throws {
        if code != Int32(VAULT_CURLE_OK) {
            throw TransportError(.other, String(cString: vault_curl_error(nil, code)))
        }
    }

    private func milliseconds(_ seconds: Double) -> Int {
        max(1, Int((seconds * 1000).rounded(.up)))
    }

    private func kind(of code: Int32) -> TransportError.Kind {
        switch code {
        case Int32(VAULT_CURLE_COULDNT_RESOLVE_HOST): .dns
        case Int32(VAULT_CURLE_COULDNT_RESOLVE_PROXY), Int32(VAULT_CURLE_PROXY): .proxy
        case Int32(VAULT_CURLE_COULDNT_CONNECT): .connect
        case Int32(VAULT_CURLE_SSL_CONNECT_ERROR), Int32(VAULT_CURLE_SSL_CERTPROBLEM),
            Int32(VAULT_CURLE_PEER_FAILED_VERIFICATION), Int32(VAULT_CURLE_SSL_CACERT_BADFILE): .tls
        case Int32(VAULT_CURLE_GOT_NOTHING), Int32(VAULT_CURLE_SEND_ERROR), Int32(VAULT_CURLE_RECV_ERROR),
            Int32(VAULT_CURLE_PARTIAL_FILE): .connectionLost
        case Int32(VAULT_CURLE_OPERATION_TIMEDOUT): .timeout
        default: .other
        }
    }
}
