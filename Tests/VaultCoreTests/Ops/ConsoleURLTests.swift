import Foundation
import Testing
@testable import VaultCore

@Test(arguments: [
    ("eu-west-1", "https://signin.aws.amazon.com/federation", "https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1"),
    ("cn-north-1", "https://signin.amazonaws.cn/federation", "https://cn-north-1.console.amazonaws.cn/console/home?region=cn-north-1"),
    ("us-gov-west-1", "https://signin.amazonaws-us-gov.com/federation",
     "https://us-gov-west-1.console.amazonaws-us-gov.com/console/home?region=us-gov-west-1"),
    ("us-east-1", "https://signin.aws.amazon.com/federation", "https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1"),
])
func eachPartitionHasItsSigninEndpointAndConsole(region: String, federation: String, destination: String) throws {
    #expect(try ConsoleURL.endpoints(region: region).federation == federation)
    #expect(ConsoleURL.destination(region: region, path: nil) == destination)
}

@Test func withoutARegionTheGlobalConsoleOpens() throws {
    #expect(try ConsoleURL.endpoints(region: nil).federation == "https://signin.aws.amazon.com/federation")
    #expect(ConsoleURL.destination(region: nil, path: nil) == "https://console.aws.amazon.com/")
    #expect(ConsoleURL.destination(region: nil, path: "s3/home") == "https://console.aws.amazon.com/s3/home")
}

@Test(arguments: [("s3/home", "https://eu-west-1.console.aws.amazon.com/s3/home"),
                  ("/ec2/v2/home?region=eu-west-1", "https://eu-west-1.console.aws.amazon.com/ec2/v2/home?region=eu-west-1"),
                  ("iam", "https://cn-north-1.console.amazonaws.cn/iam")])
func pathOpensOnTheRegionsConsole(path: String, expected: String) {
    let region = expected.contains("amazonaws.cn") ? "cn-north-1" : "eu-west-1"
    #expect(ConsoleURL.destination(region: region, path: path) == expected)
}

@Test func federationEndpointOverrideReplacesOnlyTheEndpoint() throws {
    let endpoints = try ConsoleURL.endpoints(region: "cn-north-1", override: "http://127.0.0.1:8080/federation")
    #expect(endpoints.federation == "http://127.0.0.1:8080/federation")
    #expect(endpoints.consoleDomain == "console.amazonaws.cn")
    #expect(throws: OpsError.invalidFederationEndpoint("ftp://x")) { try ConsoleURL.endpoints(region: nil, override: "ftp://x") }
}

@Test func sessionJSONHasTheThreeFieldsTheEndpointReads() throws {
    let credentials = Credentials(accessKeyID: "ASIAEXAMPLE", secretAccessKey: "se/cr+et", sessionToken: "to/ken==")
    let json = ConsoleURL.sessionJSON(credentials)
    #expect(json == #"{"sessionId":"ASIAEXAMPLE","sessionKey":"se/cr+et","sessionToken":"to/ken=="}"#)
}

@Test func signinTokenRequestEncodesTheSessionAndDuration() throws {
    let credentials = Credentials(accessKeyID: "ASIA1", secretAccessKey: "a b+c/d", sessionToken: "t=")
    let url = try ConsoleURL.signinTokenRequest(federation: "https://signin.aws.amazon.com/federation", credentials: credentials, sessionDuration: 7200)
    #expect(url.hasPrefix("https://signin.aws.amazon.com/federation?Action=getSigninToken&SessionDuration=7200&Session=%7B%22sessionId%22"))
    #expect(!url.contains(" ") && !url.contains("+c") && !url.contains("/d"))
    let without = try ConsoleURL.signinTokenRequest(federation: "https://x/federation", credentials: credentials, sessionDuration: nil)
    #expect(!without.contains("SessionDuration"))
}

@Test func loginURLCarriesIssuerDestinationAndToken() {
    let url = ConsoleURL.login(
        federation: "https://signin.aws.amazon.com/federation",
        destination: "https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1", token: "tok/en+=")
    #expect(url == "https://signin.aws.amazon.com/federation?Action=login&Issuer=vault"
        + "&Destination=https%3A%2F%2Feu-west-1.console.aws.amazon.com%2Fconsole%2Fhome%3Fregion%3Deu-west-1"
        + "&SigninToken=tok%2Fen%2B%3D")
}

@Test func federatedUserNameIsCutTo32Characters() {
    #expect(ConsoleURL.federatedUserName("alice") == "alice")
    let long = String(repeating: "abcdefghij", count: 4)
    #expect(ConsoleURL.federatedUserName(long) == String(long.prefix(32)))
    #expect(ConsoleURL.federatedUserName(long).count == 32)
}

@Test(arguments: [
    ("arn:aws:iam::123456789012:user/alice", "alice"),
    ("arn:aws:iam::123456789012:user/division/team/bob", "bob"),
    ("arn:aws-cn:iam::123456789012:user/carol", "carol"),
])
func userNameComesFromAUserARN(arn: String, name: String) {
    #expect(IAMUserName.from(arn: arn) == name)
}

@Test(arguments: ["arn:aws:sts::123456789012:assumed-role/r1/s", "arn:aws:iam::123456789012:root", "not an arn",
                  "arn:aws:sts::123456789012:federated-user/x"])
func otherARNsHaveNoUserName(arn: String) {
    #expect(IAMUserName.from(arn: arn) == nil)
}

@Test func loginRefusesConsoleSessionsOutsideFifteenMinutesToTwelveHours() throws {
    let login = ConsoleLogin(settings: Settings(environment: [:]), keyring: { MemoryKeyring() })
    #expect(throws: OpsError.invalidSessionDuration(seconds: 600)) { try login.url(.init(profileName: nil, duration: 600)) }
    #expect(throws: OpsError.noEnvironmentCredentials) { try login.url(.init(profileName: nil, duration: 3600)) }
}
