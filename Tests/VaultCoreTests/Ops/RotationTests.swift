import Foundation
import Testing
@testable import VaultCore

/// What rotation refuses before it calls AWS (the calls themselves are
/// tested against moto: Tests/Integration/test_ops_rotate.py).
private func rotation(config: String, items: [String: String]) throws -> (KeyRotation, String) {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("vault-rotate-\(getpid())-\(Int.random(in: 0..<1_000_000))").path
    try config.write(toFile: path, atomically: true, encoding: .utf8)
    let keyring = MemoryKeyring(items.mapValues { Data($0.utf8) })
    // An endpoint nothing listens on: a test that reached AWS would fail, not hang.
    let settings = Settings(environment: ["AWS_CONFIG_FILE": path, "AWS_ENDPOINT_URL": "http://127.0.0.1:9"])
    var rotation = KeyRotation(service: CredentialService(settings: settings, keyring: keyring))
    rotation.progress = { _ in }
    return (rotation, path)
}

@Test func keysFromCredentialProcessAreNotRotated() throws {
    let (rotation, path) = try rotation(config: "[profile p]\ncredential_process = /bin/true\n[profile r]\nsource_profile = p\nrole_arn = arn:aws:iam::1:role/x\n", items: [:])
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(throws: OpsError.noKeysToRotate(profile: "p", from: "credential_process of 'p' (/bin/true)")) { try rotation.rotate(profile: "r", noSession: true, mfaToken: nil) }
}

@Test func keysFromWebIdentityOrCredentialSourceAreNotRotated() throws {
    let config = "[profile w]\nweb_identity_token_file = /t\nrole_arn = arn:aws:iam::1:role/w\n[profile e]\ncredential_source = Environment\nrole_arn = arn:aws:iam::1:role/e\n"
    let (rotation, path) = try rotation(config: config, items: [:])
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(throws: OpsError.self) { try rotation.rotate(profile: "w", noSession: true, mfaToken: nil) }
    do {
        _ = try rotation.rotate(profile: "e", noSession: true, mfaToken: nil)
        Issue.record("rotated")
    } catch let error as OpsError {
        #expect(error.message.contains("no long-term key to rotate: its credentials come from credential_source Environment of 'e'"))
    }
}

@Test func aProfileWithoutStoredKeysSaysVaultAdd() throws {
    let (rotation, path) = try rotation(config: "[profile p]\nregion = eu-west-1\n", items: [:])
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(throws: CredentialError.noStoredKeys(profile: "p")) { try rotation.rotate(profile: "p", noSession: true, mfaToken: nil) }
}

@Test func storedTemporaryKeysAreNotRotated() throws {
    let item = #"{"AccessKeyID":"ASIAEXAMPLE","SecretAccessKey":"s","SessionToken":"t"}"#
    let (rotation, path) = try rotation(config: "[profile p]\n", items: ["p": item])
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(throws: OpsError.temporaryKeys(profile: "p")) { try rotation.rotate(profile: "p", noSession: true, mfaToken: nil) }
}

@Test func messagesNeverHoldAWholeKeyAndSayWhatIsLeft() {
    let notDeleted = OpsError.oldKeyNotDeleted(newKey: "****NEW1", oldKey: "****OLD1", user: "alice", profile: "p", reason: "HTTP 500")
    #expect(notDeleted.message.contains("deleting the old key ****OLD1 failed: HTTP 500; it is still in IAM"))
    let notStored = OpsError.newKeyNotStored(newKey: "****NEW1", user: "alice", reason: "locked", deletedAgain: false)
    #expect(notStored.message.contains("still in IAM with its secret lost"))
    #expect(OpsError.newKeyNotStored(newKey: "****NEW1", user: "alice", reason: "locked", deletedAgain: true).message.contains("nothing changed"))
    #expect(KeyRotation.describe(AWSError.invalidRegion("x!")) == "region \"x!\" is not a region name (like eu-west-1)")
}

@Test func theKeysRotatedAreTheOnesTheChainStartsFrom() throws {
    // mid has keys and a source_profile: as aws-vault, its chain starts from its own keys.
    let item = #"{"AccessKeyID":"AKIAEXAMPLEMID","SecretAccessKey":"s"}"#
    var (rotation, path) = try rotation(config: "[profile base]\n[profile mid]\nsource_profile = base\n", items: ["mid": item, "base": item])
    defer { try? FileManager.default.removeItem(atPath: path) }
    var said: [String] = []
    rotation.progress = { said.append($0) }
    #expect(throws: (any Error).self) { try rotation.rotate(profile: "mid", noSession: true, mfaToken: nil) }  // nothing listens
    #expect(said.first?.hasSuffix("stored for profile 'mid'") == true)
}
