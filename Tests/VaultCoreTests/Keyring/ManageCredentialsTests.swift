import Foundation
import Testing
@testable import VaultCore

@Test func validKeysPass() throws {
    try ManageCredentials.validate(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
}

@Test(arguments: ["", "AKIA", "akiaiosfodnn7example", "ASIAIOSFODNN7EXAMPLE", "XKIAIOSFODNN7EXAMPLE"])
func badAccessKeyIDsAreRefused(_ id: String) {
    #expect(throws: CredentialCommandError.self) {
        try ManageCredentials.validate(accessKeyID: id, secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    }
}

@Test(arguments: ["", "short", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKE!", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEYX"])
func badSecretsAreRefusedWithoutEchoingThem(_ secret: String) {
    do {
        try ManageCredentials.validate(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: secret)
        Issue.record("accepted")
    } catch {
        #expect(secret.isEmpty || !"\(error)".contains(secret))
    }
}

@Test func appendingAProfileKeepsEveryByte() throws {
    let path = try temporaryDirectory() + "/config"
    let original = "# mine\r\n[default]\nregion = eu-west-1 ; comment\n\n[profile a]\nsource_profile=default"
    try Data(original.utf8).write(to: URL(fileURLWithPath: path))
    chmod(path, 0o640)
    let parsed = try ConfigFile.load(path: path)
    #expect(try ManageCredentials.checkConfig(parsed, profile: "default"))
    #expect(try !ManageCredentials.checkConfig(parsed, profile: "b"))
    #expect(throws: CredentialCommandError.hasSourceProfile(profile: "a", location: "\(path):6")) {
        try ManageCredentials.checkConfig(parsed, profile: "a")
    }
    try ConfigEditor(path: path, settings: Settings(environment: ["XDG_RUNTIME_DIR": path + ".run"])).edit { ConfigEditor.appendingSection(for: "b", to: $0) }
    let after = try String(contentsOfFile: path, encoding: .utf8)
    #expect(after == original + "\n\n[profile b]\n")
    #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o640)
}

@Test func appendingKeepsBytesThatAreNotUTF8() throws {
    let path = try temporaryDirectory() + "/config"
    let original = Data([0x5B, 0x61, 0x5D, 0x0A, 0x23, 0xFF, 0xFE])  // "[a]\n#" then invalid UTF-8
    try original.write(to: URL(fileURLWithPath: path))
    try ConfigEditor(path: path, settings: Settings(environment: ["XDG_RUNTIME_DIR": path + ".run"])).edit { ConfigEditor.appendingSection(for: "b", to: $0) }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == original + Data("\n\n[profile b]\n".utf8))
}

@Test func appendingCreatesAMissingConfig() throws {
    let path = try temporaryDirectory() + "/aws/config"
    try ConfigEditor(path: path, settings: Settings(environment: ["XDG_RUNTIME_DIR": path + ".run"])).edit { ConfigEditor.appendingSection(for: "default", to: $0) }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "[default]\n")
}

@Test func addDropsTheProfilesSessionsOnly() throws {
    let store = CredentialStore(keyring: MemoryKeyring())
    let mine = SessionKey(kind: "sts.GetSessionToken", profile: "p", expiration: Date(timeIntervalSince1970: 4e9))
    let theirs = SessionKey(kind: "sts.GetSessionToken", profile: "q", expiration: Date(timeIntervalSince1970: 4e9))
    try store.keyring.set(mine.name, Data())
    try store.keyring.set(theirs.name, Data())
    try ManageCredentials.add(Credentials(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), profile: "p", store: store)
    #expect(try SessionCache(keyring: store.keyring, minimumTTL: 0).sessions() == [theirs])
    try ManageCredentials.remove(profile: "p", store: store)
    #expect(try store.profilesWithKeys().isEmpty)
    #expect(throws: CredentialCommandError.noCredentials("p")) { try ManageCredentials.remove(profile: "p", store: store) }
}
