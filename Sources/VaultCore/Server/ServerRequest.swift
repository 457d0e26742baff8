/// One HTTP/1.1 request head as the credential server reads it, and the
/// server's verdict on it. Pure values, so the rules are unit-tested without
/// sockets; `CredentialServer` does the I/O.
package struct ServerRequest: Equatable, Sendable {
    package var method: String
    package var target: String
    /// Header names lowercased; a repeated header keeps every value.
    package var headers: [(String, String)]

    package static func == (a: ServerRequest, b: ServerRequest) -> Bool {
        a.method == b.method && a.target == b.target && a.headers.elementsEqual(b.headers, by: { $0 == $1 })
    }

    package func values(_ name: String) -> [String] {
        headers.filter { $0.0 == name }.map(\.1)
    }

    /// Parses the bytes before the blank line (`\r\n\r\n`); nil when they are
    /// not an HTTP/1.x request head.
    package static func parse(_ head: [UInt8]) -> ServerRequest? {
        guard let text = String(validating: head, as: UTF8.self) else { return nil }
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
        guard !lines.isEmpty else { return nil }
        let requestLine = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: false)
        guard requestLine.count == 3, requestLine[2] == "HTTP/1.1" || requestLine[2] == "HTTP/1.0",
              !requestLine[0].isEmpty, !requestLine[1].isEmpty
        else { return nil }
        var headers: [(String, String)] = []
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon]
            // No space before the colon, no folded lines (RFC 9112 §5.1, §5.2).
            guard !name.isEmpty, !name.contains(" "), !name.contains("\t"), line.first != " ", line.first != "\t" else { return nil }
            let value = line[line.index(after: colon)...].trimmingPrefix(while: { $0 == " " || $0 == "\t" })
            headers.append((name.lowercased(), String(value.reversed().trimmingPrefix(while: { $0 == " " || $0 == "\t" }).reversed())))
        }
        return ServerRequest(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers)
    }
}

/// What the server accepts: its secret path, its token, its own address as
/// `Host`, `GET` only.
package struct ServerPolicy: Sendable {
    package let path: String
    package let token: [UInt8]
    /// `Host` values accepted (`127.0.0.1:PORT`…); nil accepts any IP-literal
    /// host (a wildcard bind: the address clients use is not known), never a name.
    package let hosts: Set<String>?

    package init(path: String, token: String, hosts: Set<String>?) {
        self.path = path
        self.token = Array(token.utf8)
        self.hosts = hosts
    }

    package enum Verdict: Equatable, Sendable {
        case serve
        case refuse(status: Int, reason: String)
    }

    /// Checked in this order: well-formed, Host (DNS rebinding), token, path,
    /// method. The reason is for the client; it names no secret.
    package func judge(_ request: ServerRequest?) -> Verdict {
        guard let request else { return .refuse(status: 400, reason: "malformed request") }
        let hostValues = request.values("host")
        guard hostValues.count == 1, acceptsHost(hostValues[0]) else {
            return .refuse(status: 421, reason: "this server answers only for its own address")
        }
        let tokens = request.values("authorization")
        guard tokens.count == 1 else { return .refuse(status: 401, reason: "missing authorization token") }
        guard Self.constantTimeEqual(Array(tokens[0].utf8), token) else {
            return .refuse(status: 403, reason: "wrong authorization token")
        }
        guard request.target == path else { return .refuse(status: 404, reason: "not found") }
        guard request.method == "GET" else { return .refuse(status: 405, reason: "only GET is allowed") }
        return .serve
    }

    func acceptsHost(_ host: String) -> Bool {
        if let hosts { return hosts.contains(host) }
        // Wildcard bind: an IPv4 literal with an optional port, or a bracketed IPv6 literal.
        if host.hasPrefix("[") { return host.dropFirst().allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "]" || $0 == "." } }
        return !host.isEmpty && host.allSatisfy { $0.isNumber || $0 == "." || $0 == ":" }
    }

    /// Compares every byte whatever the first difference, so the time taken
    /// tells nothing about how much of a guess was right.
    package static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference: UInt8 = a.count == b.count ? 0 : 1
        for index in 0..<b.count {
            difference |= (index < a.count ? a[index] : 0) ^ b[index]
        }
        return difference == 0
    }
}
