import Testing
@testable import VaultCore

struct ServerPolicyTests {
    let policy = ServerPolicy(path: "/abc", token: "t0ken", hosts: ["127.0.0.1:8080"])

    func request(_ method: String = "GET", _ target: String = "/abc", headers: [(String, String)] = [("host", "127.0.0.1:8080"), ("authorization", "t0ken")]) -> ServerRequest {
        ServerRequest(method: method, target: target, headers: headers)
    }

    @Test func servesGetOnItsPathWithTheTokenAndItsHost() {
        #expect(policy.judge(request()) == .serve)
    }

    @Test(arguments: [
        ([("host", "127.0.0.1:8080")], 401),
        ([("host", "127.0.0.1:8080"), ("authorization", "t0kem")], 403),
        ([("host", "127.0.0.1:8080"), ("authorization", "t0ken2")], 403),
        ([("host", "127.0.0.1:8080"), ("authorization", "")], 403),
        ([("host", "127.0.0.1:8080"), ("authorization", "t0ken"), ("authorization", "t0ken")], 401),
        ([("host", "evil.example:8080"), ("authorization", "t0ken")], 421),
        ([("authorization", "t0ken")], 421),
        ([("host", "127.0.0.1:8080"), ("host", "evil.example"), ("authorization", "t0ken")], 421),
    ])
    func refusesWithoutTheRightTokenOrHost(headers: [(String, String)], status: Int) {
        guard case .refuse(let got, _) = policy.judge(request(headers: headers)) else {
            Issue.record("served")
            return
        }
        #expect(got == status)
    }

    @Test func refusesOtherMethodsAndPaths() {
        #expect(policy.judge(request("POST")) == .refuse(status: 405, reason: "only GET is allowed"))
        #expect(policy.judge(request("GET", "/abc?x")) == .refuse(status: 404, reason: "not found"))
        #expect(policy.judge(nil) == .refuse(status: 400, reason: "malformed request"))
    }

    @Test func wildcardBindAcceptsAddressesButNoNames() {
        let open = ServerPolicy(path: "/abc", token: "t", hosts: nil)
        #expect(open.acceptsHost("172.17.0.1:9000"))
        #expect(open.acceptsHost("[::1]:9000"))
        #expect(!open.acceptsHost("rebind.example:9000"))
        #expect(!open.acceptsHost(""))
    }

    @Test func constantTimeEqualityComparesLengthsToo() {
        #expect(ServerPolicy.constantTimeEqual(Array("abc".utf8), Array("abc".utf8)))
        #expect(!ServerPolicy.constantTimeEqual(Array("ab".utf8), Array("abc".utf8)))
        #expect(!ServerPolicy.constantTimeEqual(Array("abcd".utf8), Array("abc".utf8)))
        #expect(!ServerPolicy.constantTimeEqual(Array(repeating: 0, count: 256), []))
    }

    @Test func parsesARequestHead() {
        let head = Array("GET /abc HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAuthorization:  t0ken \r\n".utf8)
        #expect(ServerRequest.parse(head) == request())
    }

    @Test(arguments: ["GET /abc\r\n", "GET /abc HTTP/2\r\n", "GET /abc HTTP/1.1\r\nHost 127.0.0.1\r\n",
                      "GET /abc HTTP/1.1\r\n folded: x\r\n", "GET /abc HTTP/1.1\r\nBad Name: x\r\n"])
    func refusesMalformedHeads(text: String) {
        #expect(ServerRequest.parse(Array(text.utf8)) == nil)
    }
}
