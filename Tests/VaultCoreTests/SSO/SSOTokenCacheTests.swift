#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Testing
@testable import VaultCore

/// File names checked against Python: hashlib.sha1(json.dumps(args, sort_keys=True)).
@Test(arguments: [
    ("https://d-9067000000.awsapps.com/start", "us-east-1", ["sso:account:access"] as [String]?, "s" as String?,
     "ac5af9b1db94c4fcef883a217746358cfef14def"),
    ("https://x/é\"\n😀", "eu-west-1", nil, nil, "99688d12cc592c906513e6652c6adf619bee28f9"),
    ("https://d-1.awsapps.com/start", "us-east-1", ["a", "b c"], "corp", "f6df9602dfc406b493a48eb51eefccb79eae1f10"),
])
func registrationFileIsNamedAsBotocoreNamesIt(startURL: String, region: String, scopes: [String]?, name: String?, expected: String) throws {
    let session = SSOSession(name: name, startURL: startURL, region: region, registrationScopes: scopes ?? [], location: nil)
    #expect(try SSOTokenCache.registrationKey(for: session, scopes: scopes) == expected)
}

@Test func tokenFileIsNamedBySessionNameElseStartURL() throws {
    let named = SSOSession(name: "s", startURL: "https://d-1.awsapps.com/start", region: "us-east-1", registrationScopes: [], location: nil)
    var legacy = named
    legacy.name = nil
    #expect(try SSOTokenCache.tokenKey(for: named) == "a0f1490a20d0211c997b44bc357e1972deab8ae3")
    #expect(try SSOTokenCache.tokenKey(for: legacy) == "0c54b6c27e90660baa89eaad85ac1d5dae26cb7d")
}

@Test func stringsAreWrittenAsPythonsJSONDumpsWritesThem() {
    #expect(SSOTokenCache.pythonJSONString("a\"b\\c\n\u{1}é😀/") == #""a\"b\\c\n\u0001\u00e9\ud83d\ude00/""#)
}

@Test func aTokenSurvivesARoundTripAndTheFilesArePrivate() throws {
    let folder = FileManager.default.temporaryDirectory.path + "/sso-cache-\(UInt32.random(in: 0...UInt32.max))"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let cache = SSOTokenCache(directory: folder + "/sso/cache")
    let session = SSOSession(name: "corp", startURL: "https://d-1.awsapps.com/start", region: "eu-west-1", registrationScopes: [], location: nil)
    #expect(try cache.token(for: session) == nil)
    let token = SSOToken(
        startURL: session.startURL, region: session.region, accessToken: "at", expiresAt: Date(timeIntervalSince1970: 1_800_000_000),
        refreshToken: "rt", clientID: "cid", clientSecret: "cs", registrationExpiresAt: Date(timeIntervalSince1970: 1_900_000_000))
    try cache.save(token, for: session)
    #expect(try cache.token(for: session) == token)
    let path = try cache.tokenPath(for: session)
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    let folderAttributes = try FileManager.default.attributesOfItem(atPath: folder + "/sso/cache")
    #expect((folderAttributes[.posixPermissions] as? Int) == 0o700)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text == #"{"startUrl": "https://d-1.awsapps.com/start", "region": "eu-west-1", "accessToken": "at", "expiresAt": "2027-01-15T08:00:00Z", "clientId": "cid", "clientSecret": "cs", "registrationExpiresAt": "2030-03-17T17:46:40Z", "refreshToken": "rt"}"#)
    #expect(try cache.removeToken(for: session))
    #expect(try cache.removeToken(for: session) == false)
}

@Test(arguments: [
    ("2026-12-01T09:18:22Z", 1_796_116_702.0),
    ("2026-12-01T09:18:22UTC", 1_796_116_702.0),
    ("2026-12-01T09:18:22.500000+00:00", 1_796_116_702.5),
    ("2026-12-01T10:18:22+01:00", 1_796_116_702.0),
])
func cachedTimesAreReadInTheFormsToolsWrite(text: String, seconds: Double) {
    #expect(SSOTime.parse(text) == Date(timeIntervalSince1970: seconds))
}

@Test func textFromTheNetworkReachesTheTerminalWithoutControlCharacters() {
    #expect(SSOTokenProvider.printable("ABCD-\u{1b}[2J1234\u{9b}\n") == "ABCD-[2J1234")
}
