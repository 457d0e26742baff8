import Foundation
import Testing
@testable import VaultCore

/// The stores under test. The Secret Service leg runs when
/// VAULT_TEST_SECRET_SERVICE=1, which the pytest fixture sets inside its
/// private D-Bus session with a real GNOME Keyring (never on a desktop's own keyring);
/// the pass leg when VAULT_TEST_PASS=1, set with a throwaway gpg key and store.
enum Backend: String, CaseIterable, CustomTestStringConvertible {
    case memory, file, secretService, pass

    var testDescription: String { rawValue }

    static var available: [Backend] {
        let environment = ProcessInfo.processInfo.environment
        return [.memory, .file] + (environment["VAULT_TEST_SECRET_SERVICE"] == "1" ? [.secretService] : [])
            + (environment["VAULT_TEST_PASS"] == "1" ? [.pass] : [])
    }

    func make() throws -> any Keyring {
        switch self {
        case .memory: return MemoryKeyring()
        case .file: return FileKeyring(directory: try temporaryDirectory() + "/keys", passphrase: "correct horse", unlockTTL: 0, prompt: { _ in "unused" })
        case .secretService:
            let keyring = SecretServiceKeyring(collectionName: nil, busAddress: Settings.process().sessionBusAddress ?? "")
            try keyring.connect()
            return keyring
        case .pass: return try PassKeyring(settings: Settings.process())
        }
    }
}

func temporaryDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("vault-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    return path
}

/// A key no other test (or earlier run) uses, so the shared Secret Service stays clean.
func uniqueKey(_ base: String) -> String { "\(base)-\(UUID().uuidString.prefix(8))" }

@Suite struct KeyringBehaviour {
    @Test(arguments: Backend.available)
    func aMissIsNil(_ backend: Backend) throws {
        let keyring = try backend.make()
        #expect(try keyring.get(uniqueKey("absent")) == nil)
    }

    @Test(arguments: Backend.available)
    func whatIsSetReadsBackByteForByte(_ backend: Backend) throws {
        let keyring = try backend.make()
        let key = uniqueKey("work")
        let value = Data([0, 1, 2, 0xFF, 0x7B]) + Data("{\"json\": true}".utf8)
        try keyring.set(key, value)
        defer { try? keyring.remove(key) }
        #expect(try keyring.get(key) == value)
    }

    @Test(arguments: Backend.available)
    func setReplacesTheOldValue(_ backend: Backend) throws {
        let keyring = try backend.make()
        let key = uniqueKey("replace")
        try keyring.set(key, Data("old".utf8))
        #expect(try keyring.keys().contains(key))  // a listing in between must not serve the old value
        try keyring.set(key, Data("new".utf8))
        defer { try? keyring.remove(key) }
        #expect(try keyring.get(key) == Data("new".utf8))
        #expect(try keyring.keys().filter { $0 == key }.count == 1)
    }

    @Test(arguments: Backend.available)
    func keysListsSessionNamesAndRemoveForgets(_ backend: Backend) throws {
        let keyring = try backend.make()
        let profile = uniqueKey("dev")
        let session = SessionKey(kind: "sts.GetSessionToken", profile: profile, mfaSerial: "arn:aws:iam::1:mfa/me", expiration: Date(timeIntervalSince1970: 4_000_000_000))
        try keyring.set(profile, Data("keys".utf8))
        try keyring.set(session.name, Data("session".utf8))
        #expect(Set(try keyring.keys()).isSuperset(of: [profile, session.name]))
        try keyring.remove(session.name)
        try keyring.remove(profile)
        try keyring.remove(profile)  // removing what is gone is no error
        #expect(try keyring.get(profile) == nil)
        #expect(try !keyring.keys().contains(session.name))
    }

    @Test(arguments: Backend.available)
    func credentialStoreTellsKeysFromSessions(_ backend: Backend) throws {
        let store = CredentialStore(keyring: try backend.make())
        let profile = uniqueKey("prod")
        let other = uniqueKey("other")
        let credentials = Credentials(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
        try store.set(profile, credentials)
        try store.set(other, credentials)
        let mine = SessionKey(kind: "sts.AssumeRole", profile: profile, expiration: Date(timeIntervalSince1970: 4_000_000_000))
        let theirs = SessionKey(kind: "sts.GetSessionToken", profile: other, expiration: Date(timeIntervalSince1970: 4_000_000_000))
        try store.keyring.set(mine.name, Data("{}".utf8))
        try store.keyring.set(theirs.name, Data("{}".utf8))
        try store.keyring.set("oidc:https://example.awsapps.com/start", Data("{}".utf8))
        defer {
            for key in [profile, other, mine.name, theirs.name, "oidc:https://example.awsapps.com/start"] { try? store.keyring.remove(key) }
        }
        let profiles = try store.profilesWithKeys()
        #expect(profiles.contains(profile) && profiles.contains(other))
        #expect(!profiles.contains { $0.hasPrefix("sts.") || $0.hasPrefix("oidc:") })
        #expect(try store.get(profile) == credentials)
        let cache = SessionCache(keyring: store.keyring, minimumTTL: 0)
        #expect(try cache.sessions().contains(mine))
        #expect(try cache.clear(profiles: [profile]) == 1)
        #expect(try !cache.sessions().contains(mine))
        #expect(try cache.sessions().contains(theirs))
    }
}
