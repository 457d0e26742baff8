#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Testing
@testable import VaultCore

@Test func temporaryCredentialsSetTokenAndExpiry() throws {
    let expiry = try #require(RFC3339.date(from: "2026-11-29T01:02:03Z"))
    let creds = Credentials(accessKeyID: "ASIAX", secretAccessKey: "s", sessionToken: "t", expiration: expiry)
    let env = EnvironmentChange.apply(
        CredentialEnvironment.changes(profile: "prod", credentials: creds, region: "eu-west-1"),
        to: ["AWS_PROFILE": "old", "KEEP": "1"])
    #expect(env["AWS_PROFILE"] == nil)
    #expect(env["KEEP"] == "1")
    #expect(env["AWS_SESSION_TOKEN"] == "t" && env["AWS_SECURITY_TOKEN"] == "t")
    #expect(env["AWS_CREDENTIAL_EXPIRATION"] == "2026-11-29T01:02:03Z")
    #expect(env["AWS_REGION"] == "eu-west-1" && env["AWS_DEFAULT_REGION"] == "eu-west-1")
    #expect(env["AWS_VAULT"] == "prod")
}

@Test func rfc3339ReadsFractionalSeconds() {
    #expect(RFC3339.date(from: "2026-11-29T01:02:03.5Z") != nil)
    #expect(RFC3339.date(from: "yesterday") == nil)
}
