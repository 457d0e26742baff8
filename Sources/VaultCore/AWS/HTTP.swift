#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One HTTP request, as the transport sends it.
package struct HTTPRequest: Sendable {
    package var method: String
    package var url: String
    /// In order; a name may repeat.
    package var headers: [(String, String)]
    package var body: [UInt8]
    /// Seconds to wait for the TCP (and TLS) connection.
    package var connectTimeout: Double
    /// Seconds for the whole exchange, connection included.
    package var timeout: Double
    /// A PEM file of CA certificates to trust instead of the system's.
    package var caBundle: String?
    /// The proxy to use (`http://host:port`); nil or empty: connect directly.
    package var proxy: String?
    /// Hosts reached directly even with a proxy, in curl's `NO_PROXY` syntax.
    package var noProxy: String?

    package init(
        method: String, url: String, headers: [(String, String)] = [], body: [UInt8] = [],
        connectTimeout: Double = 10, timeout: Double = 30,
        caBundle: String? = nil, proxy: String? = nil, noProxy: String? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.caBundle = caBundle
        self.proxy = proxy
        self.noProxy = noProxy
    }

    /// The first value of header `name` (case-insensitive).
    package func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.0.lowercased() == lower }?.1
    }

    /// Replaces every header called `name` by one with `value`.
    package mutating func setHeader(_ name: String, _ value: String) {
        let lower = name.lowercased()
        headers.removeAll { $0.0.lowercased() == lower }
        headers.append((name, value))
    }
}

/// One HTTP response.
package struct HTTPResponse: Sendable {
    package var status: Int
    /// Lower-cased names; repeated headers joined with ", ".
    package var headers: [String: String]
    package var body: Data

    package init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Sends one request and returns its response: no retries, no parsing.
///
/// libcurl in production (`CurlTransport`); tests use the same transport
/// against local servers rather than a fake that skips the wire.
package protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) throws -> HTTPResponse
}

/// Why a request got no HTTP response.
package struct TransportError: Error, Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        /// The host name did not resolve.
        case dns
        /// The proxy did not resolve, refused, or rejected the tunnel.
        case proxy
        /// TCP connection refused or unreachable.
        case connect
        /// TLS handshake or certificate verification failed.
        case tls
        /// The connection broke mid-exchange (reset, closed, truncated).
        case connectionLost
        /// The time allowed ran out.
        case timeout
        /// The response was larger than vault accepts.
        case tooLarge
        /// libcurl could not be loaded.
        case unavailable
        /// Anything else curl reported.
        case other
    }

    package var kind: Kind
    /// curl's own words (never holds a secret: vault sends none in URLs).
    package var detail: String

    package init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    /// Whether trying again may help.
    package var isRetryable: Bool {
        switch kind {
        case .connect, .connectionLost, .timeout: true
        case .dns, .proxy, .tls, .tooLarge, .unavailable, .other: false
        }
    }
}
