/// An error answer from STS or IAM, as AWS worded it.
package struct ServiceFailure: Sendable, Equatable {
    /// AWS's error code: `AccessDenied`, `ExpiredToken`…
    package var code: String
    package var message: String
    package var requestID: String?
    package var status: Int
    /// The API call: `AssumeRole`, `CreateAccessKey`…
    package var action: String
    /// The endpoint URL (user info removed).
    package var endpoint: String

    package init(code: String, message: String, requestID: String? = nil, status: Int, action: String, endpoint: String) {
        self.code = code
        self.message = message
        self.requestID = requestID
        self.status = status
        self.action = action
        self.endpoint = endpoint
    }

    /// `AssumeRole at https://sts.eu-west-1.amazonaws.com`
    var place: String { "\(action) at \(endpoint)" }
}

/// Everything that can go wrong talking to AWS, each with what to do.
/// Messages name the endpoint and never hold a secret: key ids are shown
/// as `****ABCD`, URLs without user info.
package enum AWSError: VaultError, Equatable {
    /// Any error answer not singled out below: `AccessDenied: …`.
    case service(ServiceFailure)
    /// The session token used has expired.
    case expiredToken(ServiceFailure)
    /// AWS does not know the access key (deleted, rotated, mistyped) or the token.
    case invalidClientTokenId(ServiceFailure, keyID: String, temporary: Bool)
    /// The secret does not belong to the access key id.
    case signatureDoesNotMatch(ServiceFailure, keyID: String)
    /// The MFA code was refused.
    case mfaRejected(ServiceFailure)
    /// The local clock is too far from AWS's; `skew` is local minus AWS, in seconds.
    case clockSkew(ServiceFailure, skew: Int?)
    /// Throttling, or a 5xx answer, still there after the last attempt.
    case gaveUp(ServiceFailure, attempts: Int)
    /// No HTTP answer: DNS, proxy, TLS, connection.
    case network(TransportError, endpoint: String, proxy: String?, attempts: Int)
    /// The time allowed for the call (all attempts) ran out.
    case timedOut(endpoint: String, action: String, seconds: Double, attempts: Int)
    /// An answer vault cannot read (truncated, malformed, unexpected shape).
    case malformedResponse(endpoint: String, action: String, status: Int, detail: String)
    /// A configured endpoint URL that is not an http(s) URL.
    case invalidEndpoint(url: String, source: String)
    case invalidRegion(String)

    package var message: String {
        switch self {
        case .service(let f):
            let what = "\(f.code): \(f.message.isEmpty ? "(no message)" : f.message) (\(f.place))"
            if f.code == "RegionDisabledException" {
                return what + "; activate STS for this region in IAM's account settings, or use another region"
            }
            return what
        case .expiredToken(let f):
            return "ExpiredToken: the temporary credentials have expired (\(f.place)); get fresh ones and try again"
        case .invalidClientTokenId(let f, let keyID, let temporary):
            if temporary {
                return "InvalidClientTokenId: AWS does not accept the session token for \(keyID) (\(f.place)); get fresh credentials and try again"
            }
            return "InvalidClientTokenId: AWS does not know access key \(keyID) (\(f.place)); if it was rotated or deleted, store the current key with `vault rotate` or `vault add`"
        case .signatureDoesNotMatch(let f, let keyID):
            return "SignatureDoesNotMatch: the secret access key stored for \(keyID) is not the right one (\(f.place)); store the right key with `vault add`"
        case .mfaRejected(let f):
            return "the MFA code was rejected: \(f.message) (\(f.place)); wait for the next code and try again"
        case .clockSkew(let f, let skew):
            let how: String
            if let skew, skew != 0 {
                how = "the local clock is \(Self.duration(abs(skew))) \(skew > 0 ? "ahead of" : "behind") AWS's"
            } else {
                how = "the local clock is off"
            }
            return "\(f.code): \(how) (\(f.place)); set the system clock right (e.g. enable NTP) and try again"
        case .gaveUp(let f, let attempts):
            let what = f.code.isEmpty ? "HTTP \(f.status)" : "\(f.code): \(f.message)"
            return "\(what) (\(f.place), gave up after \(attempts) attempts); try again later"
        case .network(let error, let endpoint, let proxy, let attempts):
            let tries = attempts > 1 ? " (after \(attempts) attempts)" : ""
            switch error.kind {
            case .dns:
                return "cannot resolve the host of \(endpoint): \(error.detail); check the network and the endpoint"
            case .proxy:
                return "cannot reach \(endpoint) through proxy \(proxy ?? "(none)"): \(error.detail)\(tries); check HTTPS_PROXY and NO_PROXY"
            case .tls:
                return "TLS with \(endpoint) failed: \(error.detail); if a proxy intercepts TLS, point AWS_CA_BUNDLE or ca_bundle at its CA certificate"
            case .connect:
                return "cannot connect to \(endpoint): \(error.detail)\(tries); check the network and the endpoint"
            case .connectionLost:
                return "the connection to \(endpoint) broke: \(error.detail)\(tries); try again"
            case .timeout:
                return "no answer from \(endpoint): \(error.detail)\(tries); check the network and proxy settings"
            case .tooLarge:
                return "the answer from \(endpoint) is too large: \(error.detail)"
            case .unavailable:
                return "cannot load libcurl, which vault needs to reach AWS: \(error.detail); install libcurl4 (Debian/Ubuntu: apt install libcurl4)"
            case .other:
                return "request to \(endpoint) failed: \(error.detail)\(tries)"
            }
        case .timedOut(let endpoint, let action, let seconds, let attempts):
            return "no answer from \(endpoint) within \(Self.seconds(seconds)) (\(action), \(attempts) attempt\(attempts == 1 ? "" : "s")); check the network and proxy settings"
        case .malformedResponse(let endpoint, let action, let status, let detail):
            return "unreadable answer from \(endpoint) (\(action), HTTP \(status)): \(detail); is the endpoint an AWS STS/IAM endpoint?"
        case .invalidEndpoint(let url, let source):
            return "endpoint URL \(URLRedaction.redact(url)) from \(source) is not an http(s) URL; fix it or remove it"
        case .invalidRegion(let region):
            return "region \"\(region)\" is not a region name (like eu-west-1); fix region in the profile or AWS_REGION"
        }
    }

    /// The AWS error code, if AWS answered with one.
    package var code: String? {
        switch self {
        case .service(let f), .expiredToken(let f), .invalidClientTokenId(let f, _, _), .signatureDoesNotMatch(let f, _),
            .mfaRejected(let f), .clockSkew(let f, _), .gaveUp(let f, _):
            return f.code.isEmpty ? nil : f.code
        default:
            return nil
        }
    }

    static func duration(_ seconds: Int) -> String {
        if seconds < 120 { return "\(seconds) seconds" }
        if seconds < 2 * 3600 { return "\(seconds / 60) minutes" }
        if seconds < 2 * 86400 { return "\(seconds / 3600) hours \(seconds % 3600 / 60) minutes" }
        return "\(seconds / 86400) days"
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(Double(Int(value * 10)) / 10) s"
    }

    /// Sorts an error answer into the case a person can act on.
    static func classify(
        _ failure: ServiceFailure, credentials: Credentials?, skew: Int?
    ) -> AWSError {
        let message = failure.message
        switch failure.code {
        case "ExpiredToken", "ExpiredTokenException", "TokenRefreshRequired":
            return .expiredToken(failure)
        case "InvalidClientTokenId", "UnrecognizedClientException":
            return .invalidClientTokenId(failure, keyID: credentials?.redactedKeyID ?? "(unsigned)", temporary: credentials?.isTemporary ?? false)
        case "RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture":
            return .clockSkew(failure, skew: skew)
        case "SignatureDoesNotMatch", "InvalidSignatureException":
            if message.contains("Signature expired") || message.contains("Signature not yet current") {
                return .clockSkew(failure, skew: skew)
            }
            return .signatureDoesNotMatch(failure, keyID: credentials?.redactedKeyID ?? "(unsigned)")
        case "AccessDenied" where message.contains("MultiFactorAuthentication"):
            return .mfaRejected(failure)
        case "ValidationError" where message.contains("tokenCode"):
            return .mfaRejected(failure)
        default:
            return .service(failure)
        }
    }
}

/// Removes `user:password@` from URLs before they go into messages.
package enum URLRedaction {
    package static func redact(_ url: String) -> String {
        guard let (scheme, rest) = splitScheme(url) else { return url }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return url }
        let tail = rest[rest.index(after: at)...]
        return "\(scheme)://****@\(tail)"
    }
}
