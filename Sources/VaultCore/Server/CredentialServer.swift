import CShims
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The local credential server of `vault exec --server` and `vault serve`:
/// the ECS container-credentials protocol (`GET` on a secret path with an
/// `Authorization` token; JSON with `AccessKeyId`, `SecretAccessKey`,
/// `Token`, `Expiration`), which every AWS SDK and the AWS CLI speak.
///
/// Hand-written HTTP/1.1, GET only, one thread a connection, the connection
/// closed after each answer: FlyingFox (the library considered) imports the
/// whole of Foundation, which a statically linked vault would carry into
/// every command's start-up (see README, "Credential server").
package final class CredentialServer: @unchecked Sendable {
    package let address: String
    package let port: UInt16
    package let policy: ServerPolicy
    /// The random path, part of the URL.
    package let path: String
    /// Sent by clients as `Authorization`; 256 random bits.
    package let token: String
    private let listener: Int32
    private let active = Lock()
    private var connections = 0

    /// The variable SDKs read for the URL.
    package var url: String {
        "http://" + (address.contains(":") ? "[\(address)]" : address) + ":\(port)" + path
    }

    /// The two variables a client needs, sorted by name.
    package var environment: [(String, String)] {
        [("AWS_CONTAINER_AUTHORIZATION_TOKEN", token), ("AWS_CONTAINER_CREDENTIALS_FULL_URI", url)]
    }

    /// Binds and listens (connections queue from here on, before `start`).
    /// `port` 0 picks a free one.
    package init(address: String = "127.0.0.1", port: UInt16 = 0) throws {
        path = "/" + Hex.encode(try Random.bytes(16))
        token = Hex.encode(try Random.bytes(32))
        var storage = sockaddr_storage()
        let length: socklen_t
        let family: Int32
        if inet_pton(AF_INET, address, withUnsafeMutableBytes(of: &storage) { $0.baseAddress! + MemoryLayout<sockaddr_in>.offset(of: \.sin_addr)! }) == 1 {
            family = AF_INET
            length = socklen_t(MemoryLayout<sockaddr_in>.size)
            withUnsafeMutableBytes(of: &storage) { raw in
                let sin = raw.baseAddress!.assumingMemoryBound(to: sockaddr_in.self)
                sin.pointee.sin_family = sa_family_t(AF_INET)
                sin.pointee.sin_port = port.bigEndian
            }
        } else if inet_pton(AF_INET6, address, withUnsafeMutableBytes(of: &storage) { $0.baseAddress! + MemoryLayout<sockaddr_in6>.offset(of: \.sin6_addr)! }) == 1 {
            family = AF_INET6
            length = socklen_t(MemoryLayout<sockaddr_in6>.size)
            withUnsafeMutableBytes(of: &storage) { raw in
                let sin6 = raw.baseAddress!.assumingMemoryBound(to: sockaddr_in6.self)
                sin6.pointee.sin6_family = sa_family_t(AF_INET6)
                sin6.pointee.sin6_port = port.bigEndian
            }
        } else {
            throw ServerError.badAddress(address)
        }
        let fd = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw ServerError.cannotListen(address: address, port: port, errno: errno) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0, listen(fd, 128) == 0 else {
            let code = errno
            close(fd)
            throw ServerError.cannotListen(address: address, port: port, errno: code)
        }
        var actual = sockaddr_storage()
        var actualLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &actualLength) }
        }
        let boundPort = withUnsafeBytes(of: &actual) { raw in
            family == AF_INET
                ? UInt16(bigEndian: raw.load(fromByteOffset: MemoryLayout<sockaddr_in>.offset(of: \.sin_port)!, as: UInt16.self))
                : UInt16(bigEndian: raw.load(fromByteOffset: MemoryLayout<sockaddr_in6>.offset(of: \.sin6_port)!, as: UInt16.self))
        }
        self.listener = fd
        self.address = address
        self.port = boundPort
        let wildcard = address == "0.0.0.0" || address == "::"
        let shown = address.contains(":") ? "[\(address)]" : address
        var hosts: Set<String> = ["\(shown):\(boundPort)"]
        if Self.isLoopback(address) { hosts.insert("localhost:\(boundPort)") }
        self.policy = ServerPolicy(path: path, token: token, hosts: wildcard ? nil : hosts)
    }

    /// 127.0.0.0/8 and ::1: the addresses no other machine reaches.
    package static func isLoopback(_ address: String) -> Bool {
        address.hasPrefix("127.") || address == "::1"
    }

    /// Accepts connections on a thread of its own until the process ends or `stop`.
    package func start(_ credentials: RenewingCredentials) {
        let started = Threads.detach { [self] in acceptLoop(credentials) }
        if !started { Diagnostics.say("credential server: cannot start a thread; no credentials will be served") }
    }

    /// Stops accepting; connections under way finish.
    package func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// More connections than this at once are answered 503 at once.
    static let maximumConnections = 256

    private func acceptLoop(_ credentials: RenewingCredentials) {
        while true {
            let fd = vault_accept_cloexec(listener)
            if fd < 0 {
                if errno == EINTR || errno == ECONNABORTED || errno == EMFILE || errno == ENFILE { continue }
                return  // closed by stop()
            }
            var timeout = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let admitted = active.withLock {
                guard connections < Self.maximumConnections else { return false }
                connections += 1
                return true
            }
            guard admitted, Threads.detach({ [self] in
                defer { active.withLock { connections -= 1 } }
                serve(fd, credentials)
            }) else {
                if admitted { active.withLock { connections -= 1 } }
                respond(fd, status: 503, json: Self.errorJSON("too many connections"))
                continue
            }
        }
    }

    /// Reads one request head, answers it, closes the connection.
    func serve(_ fd: Int32, _ credentials: RenewingCredentials) {
        let started = Date()
        guard let head = Self.readHead(fd) else {
            respond(fd, status: 431, json: Self.errorJSON("request head too large or incomplete"))
            return
        }
        let request = ServerRequest.parse(head)
        let status: Int
        switch policy.judge(request) {
        case .refuse(let code, let reason):
            status = code
            respond(fd, status: code, json: Self.errorJSON(reason))
        case .serve:
            do {
                let body = Self.credentialsJSON(try credentials.get().credentials)
                status = 200
                respond(fd, status: 200, json: body)
            } catch {
                status = 500
                let message = (error as? VaultError)?.message ?? "cannot get credentials"
                Diagnostics.say("credential server: " + message)
                respond(fd, status: 500, json: Self.errorJSON(message))
            }
        }
        // Method and status only: the path and the token are secrets.
        Debug.log("server", "\(Self.shownMethod(request)) → \(status) (\(Debug.milliseconds(since: started)))")
    }

    /// The method for a debug line: the client chose it, so only plain
    /// capitals reach the terminal.
    static func shownMethod(_ request: ServerRequest?) -> String {
        guard let method = request?.method, method.count <= 16, method.allSatisfy({ ("A"..."Z").contains($0) }) else { return "?" }
        return method
    }

    /// The bytes before `\r\n\r\n`; nil when the head passes 8 KiB, the
    /// client stops sending, or the connection ends first.
    static func readHead(_ fd: Int32) -> [UInt8]? {
        var buffer = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 2048)
        let limit = 8192
        while buffer.count <= limit {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            let searchFrom = max(0, buffer.count - 3)
            buffer.append(contentsOf: chunk[0..<count])
            if let end = findBlankLine(buffer, from: searchFrom) { return Array(buffer[0..<end]) }
        }
        return nil
    }

    static func findBlankLine(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 3 < bytes.count {
            if bytes[index] == 13, bytes[index + 1] == 10, bytes[index + 2] == 13, bytes[index + 3] == 10 { return index }
            index += 1
        }
        return nil
    }

    /// Writes the answer, then drains what the client still sends (a body we
    /// did not read) so that closing does not reset the connection before
    /// the client has read the answer.
    func respond(_ fd: Int32, status: Int, json: String) {
        let reason = [200: "OK", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
                      405: "Method Not Allowed", 421: "Misdirected Request", 431: "Request Header Fields Too Large",
                      500: "Internal Server Error", 503: "Service Unavailable"][status] ?? "Error"
        let text = "HTTP/1.1 \(status) \(reason)\r\nContent-Type: application/json\r\nContent-Length: \(json.utf8.count)\r\n"
            + "Cache-Control: no-store\r\nConnection: close\r\n" + (status == 405 ? "Allow: GET\r\n" : "") + "\r\n" + json
        var bytes = Array(text.utf8)
        defer { Wipe.bytes(&bytes) }
        Self.sendAll(fd, bytes)
        shutdown(fd, Int32(SHUT_WR))
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var sink = [UInt8](repeating: 0, count: 4096)
        var drained = 0
        while drained < 65536 {
            let count = sink.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            drained += count
        }
        close(fd)
    }

    /// send with MSG_NOSIGNAL: a client that hung up must not SIGPIPE vault
    /// (and ignoring SIGPIPE instead would be inherited by the command).
    static func sendAll(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { return }
            offset += sent
        }
    }

    static func errorJSON(_ message: String) -> String {
        JSONText.object([("message", JSONText.quote(message))]) + "\n"
    }

    /// The container-credentials JSON. Long-term keys (`--no-session`) get an
    /// expiry an hour ahead because SDKs require one; they ask again then.
    static func credentialsJSON(_ credentials: Credentials, now: Date = Date()) -> String {
        var members = [
            ("AccessKeyId", JSONText.quote(credentials.accessKeyID)),
            ("SecretAccessKey", JSONText.quote(credentials.secretAccessKey)),
        ]
        if let token = credentials.sessionToken { members.append(("Token", JSONText.quote(token))) }
        members.append(("Expiration", JSONText.quote(RFC3339.string(from: credentials.expiration ?? now.addingTimeInterval(3600)))))
        return JSONText.object(members) + "\n"
    }
}

package enum ServerError: VaultError {
    case badAddress(String)
    case cannotListen(address: String, port: UInt16, errno: Int32)

    package var message: String {
        switch self {
        case .badAddress(let address):
            "'\(ConfigError.clip(address))' is not an IP address to bind to; use e.g. --bind 127.0.0.1"
        case .cannotListen(let address, let port, let code):
            "cannot listen on \(address):\(port): \(String(cString: strerror(code))); choose another --port or --bind"
        }
    }
}
