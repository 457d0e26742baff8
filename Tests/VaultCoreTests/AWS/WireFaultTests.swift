import Foundation
import Testing
@testable import VaultCore

/// What test_wire_faults.py started: its misbehaving STS and a closed port.
enum FaultFixture {
    static let url = ProcessInfo.processInfo.environment["VAULT_TEST_FAULT_URL"]
    static let closedPort = ProcessInfo.processInfo.environment["VAULT_TEST_CLOSED_PORT"] ?? "9"
}

/// The transport and retry loop on a bad network: a local server
/// (Tests/fixtures/wire.py FaultServer) that is slow, fails, throttles,
/// sends broken XML or resets. Every case must end in a clear error within
/// the time allowed, after at most 3 attempts; pytest counts what arrived.
@Suite(.serialized, .enabled(if: FaultFixture.url != nil, "needs VAULT_TEST_FAULT_URL (run by test_wire_faults.py)"))
struct WireFaults {
    let url = FaultFixture.url!
    static let fast = HTTPOptions(connectTimeout: 2, timeout: 4, maxAttempts: 3, baseDelay: 0.05, maxDelay: 0.2)
    let keys = Credentials(accessKeyID: "AKIAFAULTFAULTFAULT1", secretAccessKey: "fault-secret-never-shown")

    func sts(_ endpoint: String, _ env: [String: String] = [:], options: HTTPOptions = fast) throws -> STSClient {
        var environment = env
        environment["AWS_ENDPOINT_URL_STS"] = endpoint
        return try STSClient(config: EndpointConfig(region: "us-east-1"), settings: Settings(environment: environment), options: options)
    }

    /// The call's error, checked for what every message must do.
    func failure(_ endpoint: String, _ env: [String: String] = [:], options: HTTPOptions = fast,
                 sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> AWSError? {
        let client = try sts(endpoint, env, options: options)
        let error = #expect(throws: AWSError.self, sourceLocation: sourceLocation) { try client.getCallerIdentity(with: keys) }
        if let message = error?.message {
            #expect(!message.contains(keys.secretAccessKey) && !message.contains(keys.accessKeyID), sourceLocation: sourceLocation)
            #expect(!message.contains("\n"), sourceLocation: sourceLocation)
        }
        return error
    }

    @Test func aSlowAnswerEndsAtTheOverallTimeout() throws {
        let options = HTTPOptions(connectTimeout: 1, timeout: 1.5, maxAttempts: 3, baseDelay: 0.05, maxDelay: 0.2)
        let start = ContinuousClock.now
        let error = try failure("\(url)/slow", options: options)
        let elapsed = ContinuousClock.now - start
        guard case .timedOut(let endpoint, _, let seconds, let attempts) = error else {
            Issue.record("expected timedOut, got \(String(describing: error))"); return
        }
        #expect(endpoint == "\(url)/slow" && seconds == 1.5 && attempts == 1)
        #expect(error!.message.contains("no answer from \(url)/slow within 1.5 s"))
        // Bounded: the 1.5 s budget plus scheduling slack, never a second full attempt.
        #expect(elapsed < .seconds(4))
    }

    @Test func serverErrorsAreRetriedThreeTimesThenReported() throws {
        let error = try failure("\(url)/500")
        guard case .gaveUp(let f, let attempts) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(f.status == 500 && attempts == 3)
        #expect(error!.message.contains("HTTP 500") && error!.message.contains("gave up after 3 attempts"))
    }

    @Test func twoUnavailableAnswersThenSuccess() throws {
        #expect(try sts("\(url)/503-twice").getCallerIdentity(with: keys).account == "123456789012")
    }

    @Test func throttlingIsRetriedThenReported() throws {
        let error = try failure("\(url)/throttle")
        guard case .gaveUp(let f, 3) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(f.code == "Throttling")
        #expect(error!.message.hasPrefix("Throttling: Rate exceeded"))
    }

    @Test func requestLimitExceededOnceThenSuccess() throws {
        #expect(try sts("\(url)/limit-once").getCallerIdentity(with: keys).arn.hasSuffix("user/fault"))
    }

    @Test(arguments: [("truncated", "truncated document"), ("malformed", "</Acount> closes <Account>"),
                      ("wrong-root", "expected <GetCallerIdentityResponse>")])
    func unreadableAnswersAreClearErrorsNotRetried(mode: String, detail: String) throws {
        let error = try failure("\(url)/\(mode)")
        guard case .malformedResponse(_, "GetCallerIdentity", 200, let got) = error else {
            Issue.record("got \(String(describing: error))"); return
        }
        #expect(got.contains(detail))
        #expect(error!.message.hasPrefix("unreadable answer from \(url)/\(mode)"))
    }

    @Test(arguments: ["short-body", "reset"])
    func brokenConnectionsAreRetriedThenReported(mode: String) throws {
        let error = try failure("\(url)/\(mode)")
        guard case .network(let transport, _, _, 3) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(transport.kind == .connectionLost)
        #expect(error!.message.contains("\(url)/\(mode)") && error!.message.contains("after 3 attempts"))
    }

    @Test func aRejectedMFACodeIsSaidAsSuch() throws {
        let error = try failure("\(url)/mfa")
        guard case .mfaRejected = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(error!.message.hasPrefix("the MFA code was rejected"))
    }

    @Test func clockSkewSaysByHowMuch() throws {
        let error = try failure("\(url)/skew")
        guard case .clockSkew(_, let skew?) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect((1140...1260).contains(skew))
        #expect(error!.message.contains("the local clock is 2") && error!.message.contains("minutes ahead of AWS's"))
    }

    @Test func expiredToken() throws {
        let error = try failure("\(url)/expired")
        guard case .expiredToken = error else { Issue.record("got \(String(describing: error))"); return }
    }

    @Test func aHugeAnswerIsRefused() throws {
        let error = try failure("\(url)/huge")
        guard case .network(let transport, _, _, 1) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(transport.kind == .tooLarge)
    }

    @Test func aRefusedConnectionIsRetriedAndNamesTheEndpoint() throws {
        let endpoint = "http://127.0.0.1:\(FaultFixture.closedPort)"
        let error = try failure(endpoint)
        guard case .network(let transport, _, _, 3) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(transport.kind == .connect)
        #expect(error!.message.hasPrefix("cannot connect to \(endpoint)"))
    }

    @Test func anUnknownHostIsADNSErrorNamingTheEndpoint() throws {
        let error = try failure("http://sts.vault-test.invalid")
        guard case .network(let transport, _, _, _) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(transport.kind == .dns)
        #expect(error!.message.hasPrefix("cannot resolve the host of http://sts.vault-test.invalid"))
    }

    @Test func tlsFailureNamesTheEndpointAndTheCABundleSetting() throws {
        let https = url.replacingOccurrences(of: "http://", with: "https://") + "/ok"
        let error = try failure(https)
        guard case .network(let transport, _, _, _) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(transport.kind == .tls)
        #expect(error!.message.hasPrefix("TLS with \(https) failed") && error!.message.contains("AWS_CA_BUNDLE"))

        let missing = try failure(https, ["AWS_CA_BUNDLE": "/nonexistent/vault-ca.pem"])
        guard case .network(let t2, _, _, _) = missing else { Issue.record("got \(String(describing: missing))"); return }
        #expect(t2.kind == .tls)
    }

    @Test func theProxyFromTheEnvironmentIsUsed() throws {
        // The fault server answers absolute-URI requests as a proxy would.
        let client = try sts("http://sts.vault-test.invalid/ok", ["http_proxy": url])
        #expect(try client.getCallerIdentity(with: keys).account == "123456789012")
    }

    @Test func noProxyBypassesTheProxy() throws {
        let dead = "http://127.0.0.1:\(FaultFixture.closedPort)"
        let client = try sts("\(url)/ok", ["http_proxy": dead, "HTTPS_PROXY": dead, "NO_PROXY": "127.0.0.1"])
        #expect(try client.getCallerIdentity(with: keys).account == "123456789012")
    }

    /// pytest checks the three calls arrived on one connection.
    @Test func consecutiveCallsReuseTheConnection() throws {
        let client = try sts("\(url)/reuse")
        for _ in 0..<3 { #expect(try client.getCallerIdentity(with: keys).account == "123456789012") }
    }

    @Test func aDeadProxyIsNamedWithoutItsPassword() throws {
        let error = try failure("https://sts.us-east-1.amazonaws.com",
                                ["HTTPS_PROXY": "http://me:hunter2@127.0.0.1:\(FaultFixture.closedPort)"])
        guard case .network(let transport, _, _, _) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(transport.kind == .proxy)
        let message = error!.message
        #expect(message.contains("through proxy http://****@127.0.0.1:\(FaultFixture.closedPort)") && message.contains("HTTPS_PROXY"))
        #expect(!message.contains("hunter2"))
    }
}

/// HTTPS to a server whose certificate comes from a private CA (as behind a
/// TLS-intercepting proxy): trusted only through AWS_CA_BUNDLE or `ca_bundle`.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["VAULT_TEST_TLS_URL"] != nil, "needs VAULT_TEST_TLS_URL (run by test_wire_faults.py)"))
struct WireTLS {
    let url = ProcessInfo.processInfo.environment["VAULT_TEST_TLS_URL"]! + "/ok"
    let ca = ProcessInfo.processInfo.environment["VAULT_TEST_TLS_CA"] ?? ""
    let keys = Credentials(accessKeyID: "AKIAFAULTFAULTFAULT1", secretAccessKey: "fault-secret-never-shown")

    func identity(_ env: [String: String] = [:], caBundle: String? = nil) throws -> CallerIdentity {
        var environment = env
        environment["AWS_ENDPOINT_URL_STS"] = url
        let config = EndpointConfig(region: "us-east-1", caBundle: caBundle)
        return try STSClient(config: config, settings: Settings(environment: environment), options: WireFaults.fast)
            .getCallerIdentity(with: keys)
    }

    @Test func trustedThroughAWS_CA_BUNDLE() throws {
        #expect(try identity(["AWS_CA_BUNDLE": ca]).account == "123456789012")
    }

    @Test func trustedThroughTheProfilesCABundle() throws {
        #expect(try identity(caBundle: ca).account == "123456789012")
    }

    @Test func untrustedWithoutTheBundleIsATLSErrorNamingTheEndpoint() throws {
        let error = #expect(throws: AWSError.self) { try identity() }
        guard case .network(let transport, _, _, 1) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(transport.kind == .tls)
        #expect(error!.message.hasPrefix("TLS with \(url) failed") && error!.message.contains("ca_bundle"))
    }

    @Test func theEnvironmentWinsOverTheProfile() throws {
        let error = #expect(throws: AWSError.self) { try identity(["AWS_CA_BUNDLE": "/nonexistent/ca.pem"], caBundle: ca) }
        guard case .network(let transport, _, _, _) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(transport.kind == .tls)
    }
}
