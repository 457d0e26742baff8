#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Timeouts and retries for calls to AWS.
package struct HTTPOptions: Sendable {
    /// Seconds to wait for a connection, per attempt.
    package var connectTimeout: Double
    /// Seconds for the whole call, every attempt and pause included.
    package var timeout: Double
    package var maxAttempts: Int
    /// Pause before the second attempt is drawn from 0…baseDelay, then 0…2·baseDelay, capped at maxDelay.
    package var baseDelay: Double
    package var maxDelay: Double

    package init(connectTimeout: Double = 10, timeout: Double = 30, maxAttempts: Int = 3, baseDelay: Double = 0.5, maxDelay: Double = 4) {
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    package static let standard = HTTPOptions()
}

/// One AWS query-protocol service (STS, IAM): form-encoded POST, SigV4,
/// XML answer, bounded retries with jittered exponential backoff.
struct QueryClient: Sendable {
    var service: String
    var version: String
    var endpoint: Endpoint
    var caBundle: String?
    var proxy: String?
    var noProxy: String?
    var transport: HTTPTransport
    var options: HTTPOptions

    init(service: String, version: String, endpoint: Endpoint, config: EndpointConfig, settings: Settings,
         transport: HTTPTransport, options: HTTPOptions) {
        self.service = service
        self.version = version
        self.endpoint = endpoint
        self.caBundle = settings.awsCABundle ?? config.caBundle.map(settings.expandTilde)
        let scheme = URLParts(endpoint.url)?.scheme ?? "https"
        self.proxy = settings.proxy(forScheme: scheme)
        self.noProxy = settings.noProxy
        self.transport = transport
        self.options = options
    }

    /// Throttling codes worth another attempt (as the AWS SDKs retry them).
    static let retryableCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "RequestLimitExceeded", "RequestThrottled", "SlowDown",
        "PriorRequestNotComplete", "TransactionInProgressException", "RequestTimeout", "RequestTimeoutException",
    ]

    var displayEndpoint: String { URLRedaction.redact(endpoint.url) }

    /// The form body: `Action=…&Version=…&Name=value…`, encoded as botocore
    /// encodes it (Python's `urlencode`: RFC 3986 unreserved characters kept,
    /// space as `+`, everything else `%XX`).
    static func formBody(action: String, version: String, _ parameters: [(String, String)]) -> String {
        ([("Action", action), ("Version", version)] + parameters)
            .map { formEncode($0.0) + "=" + formEncode($0.1) }
            .joined(separator: "&")
    }

    static func formEncode(_ text: String) -> String {
        SigV4Signer.percentEncode(text, spaceAsPlus: true)
    }

    /// Calls `action` and returns the `<ActionResult>` element (or the root
    /// when there is none) and the HTTP response.
    /// `credentials` nil: an unsigned call (AssumeRoleWithWebIdentity is
    /// authorised by the token in its body, as botocore sends it).
    func call(_ action: String, _ parameters: [(String, String)], credentials: Credentials?) throws -> (XMLElement, HTTPResponse) {
        let body = Array(Self.formBody(action: action, version: version, parameters).utf8)
        var url = endpoint.url
        if URLParts(url)?.path.isEmpty ?? false { url += "/" }
        let signer = credentials.map { SigV4Signer(credentials: $0, region: endpoint.signingRegion, service: service) }
        let clock = ContinuousClock()
        let start = clock.now
        func remaining() -> Double {
            let elapsed = clock.now - start
            return options.timeout - (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }

        var attempt = 0
        while true {
            attempt += 1
            var request = HTTPRequest(
                method: "POST", url: url,
                headers: [
                    ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
                    ("User-Agent", "vault/\(VaultVersion.current)"),
                ],
                body: body,
                connectTimeout: min(options.connectTimeout, max(remaining(), 0.001)),
                timeout: max(remaining(), 0.001),
                caBundle: caBundle, proxy: proxy, noProxy: noProxy)
            let sentAt = Date()
            try signer?.sign(&request, date: sentAt)

            let outcome: Result<HTTPResponse, TransportError>
            do {
                outcome = .success(try transport.send(request))
            } catch let error as TransportError {
                outcome = .failure(error)
            }
            Debug.log("http", "\(service) \(action) \(displayEndpoint) → \(Self.describe(outcome)) (\(Debug.milliseconds(since: sentAt)), attempt \(attempt)/\(options.maxAttempts))")

            // Decide: done (return or throw now) or retry with `lastError`.
            let lastError: AWSError
            switch outcome {
            case .failure(let error):
                if error.kind == .timeout && remaining() <= 0.05 {
                    throw AWSError.timedOut(endpoint: displayEndpoint, action: action, seconds: options.timeout, attempts: attempt)
                }
                let failure = AWSError.network(error, endpoint: displayEndpoint, proxy: proxy.map(URLRedaction.redact), attempts: attempt)
                guard error.isRetryable else { throw failure }
                lastError = failure
            case .success(let response):
                if (200..<300).contains(response.status) {
                    return (try parseResult(response, action: action), response)
                }
                let failure = parseFailure(response, action: action)
                let retryable = response.status >= 500 || response.status == 429 || Self.retryableCodes.contains(failure.code)
                guard retryable else {
                    guard !failure.code.isEmpty else {
                        throw AWSError.malformedResponse(
                            endpoint: displayEndpoint, action: action, status: response.status,
                            detail: "an error answer without an AWS error code")
                    }
                    throw AWSError.classify(failure, credentials: credentials, skew: Self.skew(response, sentAt: sentAt))
                }
                lastError = .gaveUp(failure, attempts: attempt)
            }

            guard attempt < options.maxAttempts else { throw lastError }
            let cap = min(options.maxDelay, options.baseDelay * Double(1 << (attempt - 1)))
            let delay = Double.random(in: 0...max(cap, 0))
            guard delay < remaining() - 0.05 else {
                // No time left for another attempt: report what happened so far.
                if case .network(let error, _, _, _) = lastError, error.kind == .timeout {
                    throw AWSError.timedOut(endpoint: displayEndpoint, action: action, seconds: options.timeout, attempts: attempt)
                }
                throw lastError
            }
            Self.pause(delay)
        }
    }

    /// `200`, or the transport failure's kind: what a debug line shows.
    static func describe(_ outcome: Result<HTTPResponse, TransportError>) -> String {
        switch outcome {
        case .success(let response): "\(response.status)"
        case .failure(let error): "no answer (\(error.kind))"
        }
    }

    /// Local clock minus AWS's, from the answer's `Date` header.
    static func skew(_ response: HTTPResponse, sentAt: Date) -> Int? {
        guard let header = response.headers["date"], let server = AWSTime.parseHTTPDate(header) else { return nil }
        return Int(sentAt.timeIntervalSince(server).rounded())
    }

    static func pause(_ seconds: Double) {
        guard seconds > 0 else { return }
        var time = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - Double(Int(seconds))) * 1e9))
        var left = timespec()
        while nanosleep(&time, &left) != 0 && errno == EINTR { time = left }
    }

    func parseResult(_ response: HTTPResponse, action: String) throws -> XMLElement {
        let root: XMLElement
        do {
            root = try XMLReader.parse(response.body)
        } catch let error as XMLReader.Failure {
            throw AWSError.malformedResponse(endpoint: displayEndpoint, action: action, status: response.status, detail: "\(error)")
        }
        guard root.localName == "\(action)Response" else {
            throw AWSError.malformedResponse(
                endpoint: displayEndpoint, action: action, status: response.status,
                detail: "expected <\(action)Response>, got <\(root.localName)>")
        }
        return root.child("\(action)Result") ?? root
    }

    /// Reads `<ErrorResponse><Error><Code/><Message/></Error><RequestId/>`;
    /// an unreadable body gives an empty code.
    func parseFailure(_ response: HTTPResponse, action: String) -> ServiceFailure {
        var failure = ServiceFailure(code: "", message: "", status: response.status, action: action, endpoint: displayEndpoint)
        failure.requestID = response.headers["x-amzn-requestid"]
        guard let root = try? XMLReader.parse(response.body) else { return failure }
        let error = root.localName == "Error" ? root : root.descendant("Error")
        failure.code = error?.child("Code")?.text.trimmedWhitespace.description ?? ""
        failure.message = error?.child("Message")?.text.trimmedWhitespace.description ?? ""
        if let id = root.descendant("RequestId") ?? root.descendant("RequestID") { failure.requestID = id.text }
        return failure
    }
}

/// Reading typed values out of result elements.
extension XMLElement {
    /// The trimmed text of child `name`; throws when absent.
    func required(_ name: String, in action: String, endpoint: String, status: Int = 200) throws -> String {
        guard let child = child(name) else {
            throw AWSError.malformedResponse(endpoint: endpoint, action: action, status: status, detail: "no <\(name)> in <\(self.localName)>")
        }
        return String(child.text.trimmedWhitespace)
    }

    func optional(_ name: String) -> String? {
        child(name).map { String($0.text.trimmedWhitespace) }
    }

    func requiredDate(_ name: String, in action: String, endpoint: String) throws -> Date {
        let text = try required(name, in: action, endpoint: endpoint)
        guard let date = AWSTime.parseISO8601(text) else {
            throw AWSError.malformedResponse(endpoint: endpoint, action: action, status: 200, detail: "<\(name)> is not a date: \(text.prefix(40))")
        }
        return date
    }
}
