import Foundation
import Testing
@testable import VaultCore

/// STS and IAM over the wire against moto_server with signature checking
/// on. Tests/Integration/test_wire_moto.py starts moto, creates the user,
/// role and policy, and runs this suite with `VAULT_TEST_MOTO_FIXTURE`
/// naming a JSON file of what it made; without it the suite is skipped.
/// What test_wire_moto.py made in moto, read from `VAULT_TEST_MOTO_FIXTURE`.
struct MotoFixture: Decodable {
    var url: String
    var region: String
    var account: String
    var userName: String
    var userARN: String
    var accessKeyID: String
    var secretAccessKey: String
    var roleARN: String
    var roleName: String
    var externalID: String
    var mfaSerial: String

    static let current: MotoFixture? = {
        guard let path = ProcessInfo.processInfo.environment["VAULT_TEST_MOTO_FIXTURE"],
            let data = FileManager.default.contents(atPath: path)
        else { return nil }
        return try? JSONDecoder().decode(MotoFixture.self, from: data)
    }()
}

@Suite(.serialized, .enabled(if: MotoFixture.current != nil, "needs VAULT_TEST_MOTO_FIXTURE (run by test_wire_moto.py)"))
struct WireIntegration {
    let f = MotoFixture.current!

    /// Endpoints come through the real resolution: AWS_ENDPOINT_URL_STS / _IAM.
    var settings: Settings {
        Settings(environment: ["AWS_ENDPOINT_URL_STS": f.url, "AWS_ENDPOINT_URL_IAM": f.url])
    }
    var config: EndpointConfig { EndpointConfig(region: f.region) }
    var user: Credentials { Credentials(accessKeyID: f.accessKeyID, secretAccessKey: f.secretAccessKey) }
    func sts() throws -> STSClient { try STSClient(config: config, settings: settings) }
    func iam() throws -> IAMClient { try IAMClient(config: config, settings: settings) }

    @Test func callerIdentityWithTheUsersKey() throws {
        let identity = try sts().getCallerIdentity(with: user)
        #expect(identity.arn == f.userARN)
        #expect(identity.account == f.account)
        #expect(!identity.userID.isEmpty)
        let serverDate = try #require(identity.serverDate)
        #expect(abs(serverDate.timeIntervalSinceNow) < 3600)
    }

    @Test func assumeRoleWithExternalIDAndMFAThenCallerIdentityIsTheAssumedRole() throws {
        let request = AssumeRoleRequest(
            roleARN: f.roleARN, roleSessionName: "vault-wire-test", durationSeconds: 900, externalID: f.externalID,
            serialNumber: f.mfaSerial, tokenCode: "123456", tags: [(key: "team", value: "a b&c")],
            transitiveTagKeys: ["team"], sourceIdentity: "alice")
        let (role, assumedARN) = try sts().assumeRoleWithUser(with: user, request)
        #expect(role.isTemporary)
        #expect(role.accessKeyID != user.accessKeyID)
        let expiration = try #require(role.expiration)
        #expect(expiration > Date())
        #expect(assumedARN.hasSuffix(":assumed-role/\(f.roleName)/vault-wire-test"))

        let identity = try sts().getCallerIdentity(with: role)
        #expect(identity.arn == "arn:aws:sts::\(f.account):assumed-role/\(f.roleName)/vault-wire-test")
    }

    @Test func aWrongSecretIsSignatureDoesNotMatch() throws {
        var wrong = user
        wrong.secretAccessKey = "wrong-secret-wrong-secret-wrong-secret-00"
        let error = #expect(throws: AWSError.self) { try sts().getCallerIdentity(with: wrong) }
        guard case .signatureDoesNotMatch(let failure, let keyID) = error else {
            Issue.record("expected signatureDoesNotMatch, got \(String(describing: error))")
            return
        }
        #expect(failure.code == "SignatureDoesNotMatch")
        #expect(keyID == "****" + f.accessKeyID.suffix(4))
        let message = error!.message
        #expect(message.contains("SignatureDoesNotMatch") && message.contains("vault add") && message.contains(f.url))
        #expect(!message.contains(wrong.secretAccessKey) && !message.contains(f.accessKeyID))
    }

    @Test func anUnknownKeyIsInvalidClientTokenIdSuggestingRotateOrAdd() throws {
        let unknown = Credentials(accessKeyID: "AKIAUNKNOWNUNKNOWN00", secretAccessKey: f.secretAccessKey)
        let error = #expect(throws: AWSError.self) { try sts().getCallerIdentity(with: unknown) }
        guard case .invalidClientTokenId = error else {
            Issue.record("expected invalidClientTokenId, got \(String(describing: error))")
            return
        }
        let message = error!.message
        #expect(message.hasPrefix("InvalidClientTokenId:"))
        #expect(message.contains("vault rotate") && message.contains("vault add") && message.contains("****WN00"))
        #expect(!message.contains(f.secretAccessKey))
    }

    @Test func aWrongExternalIDIsAccessDenied() throws {
        let request = AssumeRoleRequest(roleARN: f.roleARN, roleSessionName: "vault-wire-test", externalID: "not-the-id")
        let error = #expect(throws: AWSError.self) { try sts().assumeRole(with: user, request) }
        #expect(error?.code == "AccessDenied")
        #expect(error?.message.hasPrefix("AccessDenied: ") == true)
        #expect(error?.message.contains("sts:AssumeRole") == true)
        #expect(error?.message.contains("AssumeRole at \(f.url)") == true)
    }

    @Test func createListAndDeleteAccessKey() throws {
        let iam = try iam()
        let me = try iam.getUser(with: user)
        #expect(me.userName == f.userName && me.arn == f.userARN)

        let before = try iam.listAccessKeys(with: user, userName: f.userName)
        #expect(before.map(\.accessKeyID).contains(f.accessKeyID))
        let (created, metadata) = try iam.createAccessKey(with: user, userName: f.userName)
        #expect(created.accessKeyID.hasPrefix("AKIA") && created.secretAccessKey.count >= 20)
        #expect(metadata.status == "Active" && metadata.userName == f.userName)

        let during = try iam.listAccessKeys(with: user, userName: f.userName)
        #expect(Set(during.map(\.accessKeyID)) == Set(before.map(\.accessKeyID) + [created.accessKeyID]))
        // The new key works for signing straight away.
        #expect(try sts().getCallerIdentity(with: created).arn == f.userARN)

        try iam.deleteAccessKey(with: user, userName: f.userName, accessKeyID: created.accessKeyID)
        let after = try iam.listAccessKeys(with: user, userName: f.userName)
        #expect(Set(after.map(\.accessKeyID)) == Set(before.map(\.accessKeyID)))
    }

    @Test func getSessionTokenRequestAndParsing() throws {
        let token = try sts().getSessionToken(with: user, durationSeconds: 1800, serialNumber: f.mfaSerial, tokenCode: "654321")
        #expect(token.isTemporary && !token.secretAccessKey.isEmpty)
        #expect(try #require(token.expiration) > Date())
    }

    @Test func getFederationToken() throws {
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#
        let (token, arn) = try sts().getFederationToken(with: user, name: "vault-fed", durationSeconds: 900, policy: policy)
        #expect(token.isTemporary)
        #expect(arn.hasSuffix(":federated-user/vault-fed"))
    }
}
