import Foundation
import Testing
@testable import VaultCore

@Suite struct SigV4SignerTests {
    /// AWS's published example (Signature Version 4 documentation, IAM ListUsers).
    @Test func awsDocumentationExample() throws {
        var request = HTTPRequest(
            method: "GET", url: "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08",
            headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")])
        let signer = SigV4Signer(
            credentials: Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
            region: "us-east-1", service: "iam")
        try signer.sign(&request, date: AWSTime.parseISO8601("2015-08-30T12:36:00Z")!)
        #expect(request.header("X-Amz-Date") == "20150830T123600Z")
        #expect(request.header("Host") == "iam.amazonaws.com")
        #expect(request.header("Authorization") ==
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7")
    }

    @Test func sessionTokenIsSentAndSigned() throws {
        var request = HTTPRequest(method: "POST", url: "https://sts.amazonaws.com/", body: Array("Action=GetCallerIdentity".utf8))
        let signer = SigV4Signer(
            credentials: Credentials(accessKeyID: "ASIAEXAMPLE", secretAccessKey: "s", sessionToken: "tok+en/="),
            region: "us-east-1", service: "sts")
        try signer.sign(&request, date: Date(timeIntervalSince1970: 1_700_000_000))
        #expect(request.header("X-Amz-Security-Token") == "tok+en/=")
        #expect(request.header("Authorization")?.contains("SignedHeaders=host;x-amz-date;x-amz-security-token,") == true)
    }

    @Test func signingTwiceReplacesTheOldSignature() throws {
        var request = HTTPRequest(method: "POST", url: "https://sts.amazonaws.com/")
        let signer = SigV4Signer(credentials: Credentials(accessKeyID: "AKID", secretAccessKey: "s"), region: "us-east-1", service: "sts")
        try signer.sign(&request, date: Date(timeIntervalSince1970: 1_700_000_000))
        try signer.sign(&request, date: Date(timeIntervalSince1970: 1_700_000_100))
        #expect(request.headers.filter { $0.0 == "Authorization" }.count == 1)
        #expect(request.headers.filter { $0.0 == "X-Amz-Date" }.count == 1)
        #expect(request.headers.filter { $0.0 == "Host" }.count == 1)
    }

    /// The cached signing key must not serve a different secret under the same key id.
    @Test func keyCacheTellsSecretsApart() throws {
        func signature(_ secret: String) throws -> String? {
            var request = HTTPRequest(method: "POST", url: "https://sts.amazonaws.com/")
            try SigV4Signer(credentials: Credentials(accessKeyID: "AKIDSAME", secretAccessKey: secret), region: "eu-west-1", service: "sts")
                .sign(&request, date: Date(timeIntervalSince1970: 1_800_000_000))
            return request.header("Authorization")
        }
        let a = try signature("secret-a"), b = try signature("secret-b")
        #expect(a != b)
        #expect(try signature("secret-a") == a)
    }

    @Test(arguments: [
        ("", "/"), ("/", "/"), ("/a/./b/../c", "/a/c"), ("//a//b/", "/a/b/"), ("/%2F", "/%252F"),
        ("/é", "/%C3%A9"), ("/a b", "/a%20b"), ("/~x", "/~x"), ("/..", "/"),
    ])
    func canonicalURI(path: String, expected: String) {
        #expect(SigV4Signer.canonicalURI(path) == expected)
    }

    @Test func canonicalQuerySortsByKeyThenValue() {
        #expect(SigV4Signer.canonicalQuery("b=2&a=2&a=1&c") == "a=1&a=2&b=2&c=")
    }

    @Test func formBodyEncodesLikeBotocore() {
        #expect(QueryClient.formBody(action: "AssumeRole", version: "2011-06-15", [("Tags.member.1.Value", "a b&c=d/é~*")])
            == "Action=AssumeRole&Version=2011-06-15&Tags.member.1.Value=a+b%26c%3Dd%2F%C3%A9~%2A")
    }

    @Test func urlParts() throws {
        let url = try #require(URLParts("HTTPS://User:pw@[::1]:8443/p/q?x=1#frag"))
        #expect(url.scheme == "https" && url.hostname == "::1" && url.port == 8443)
        #expect(url.path == "/p/q" && url.query == "x=1")
        #expect(url.hostHeader == "[::1]:8443")
        #expect(URLParts("https://Example.com:443")?.hostHeader == "example.com")
        #expect(URLParts("not a url") == nil)
    }

    @Test func digestsMatchKnownValues() throws {
        #expect(try Hex.encode(Digest.sha256("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(try Hex.encode(Digest.sha256("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // FIPS 180-2's two-block message and its million 'a's (many SHA256_Update blocks in one call).
        #expect(try Hex.encode(Digest.sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(try Hex.encode(Digest.sha256(String(repeating: "a", count: 1_000_000)))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(Digest.sha1Hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(Digest.sha1Hex("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        // RFC 4231 test case 2.
        #expect(try Hex.encode(Digest.hmacSHA256(key: Array("Jefe".utf8), "what do ya want for nothing?"))
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }
}
