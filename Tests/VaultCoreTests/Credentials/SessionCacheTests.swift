import Foundation
import Testing
@testable import VaultCore

@Suite struct SessionCacheTests {
    let slot = SessionCache.Slot(kind: "sts.GetSessionToken", profile: "work", mfaSerial: "arn:aws:iam::1:mfa/me")

    func temporary(_ id: String, expiresIn seconds: TimeInterval) -> Credentials {
        Credentials(accessKeyID: id, secretAccessKey: "secret-\(id)", sessionToken: "token-\(id)", expiration: Date().addingTimeInterval(seconds))
    }

    @Test func storesUnderAwsVaultsKeyNameAndReadsBack() throws {
        let keyring = MemoryKeyring()
        let cache = SessionCache(keyring: keyring, minimumTTL: 300)
        let creds = temporary("ASIA1", expiresIn: 3600)
        try cache.set(slot, creds)
        let names = try keyring.keys()
        #expect(names.count == 1)
        #expect(names[0].hasPrefix("sts.GetSessionToken,d29yaw,"))
        let back = try #require(try cache.get(slot))
        #expect(back.accessKeyID == "ASIA1" && back.sessionToken == "token-ASIA1")
        #expect(abs(back.expiration!.timeIntervalSince(creds.expiration!)) < 1)
    }

    @Test func entriesInsideTheMinimumTTLAreNotHandedOut() throws {
        let cache = SessionCache(keyring: MemoryKeyring(), minimumTTL: 300)
        try cache.set(slot, temporary("ASIA2", expiresIn: 120))
        #expect(try cache.get(slot) == nil)
    }

    @Test func expiredEntriesAreDroppedAndNewOnesReplaceOld() throws {
        let keyring = MemoryKeyring()
        let cache = SessionCache(keyring: keyring, minimumTTL: 0)
        try cache.set(slot, temporary("OLD", expiresIn: 100))
        try cache.set(slot, temporary("NEW", expiresIn: 3600))
        #expect(try keyring.keys().count == 1)
        #expect(try cache.get(slot)?.accessKeyID == "NEW")
        _ = try cache.get(slot, now: Date().addingTimeInterval(7200))
        #expect(try keyring.keys().isEmpty)
    }

    @Test func clearTakesOnlyTheNamedProfilesAndKeepsLongTermKeys() throws {
        let keyring = MemoryKeyring()
        let cache = SessionCache(keyring: keyring, minimumTTL: 0)
        try CredentialStore(keyring: keyring).set("work", Credentials(accessKeyID: "AKIA", secretAccessKey: "s"))
        try cache.set(slot, temporary("A", expiresIn: 3600))
        try cache.set(.init(kind: "sts.AssumeRole~abc", profile: "role", mfaSerial: ""), temporary("B", expiresIn: 3600))
        #expect(try cache.clear(profiles: ["role"]) == 1)
        #expect(try cache.clear() == 1)
        #expect(try keyring.keys() == ["work"])
    }
}

@Suite struct DurationTextTests {
    @Test(arguments: [("1h", 3600.0), ("45m", 2700), ("900s", 900), ("1h30m", 5400), ("1.5h", 5400), ("120", 120), ("500ms", 0.5)])
    func parsesGoDurations(text: String, seconds: Double) {
        #expect(DurationText.parse(text) == seconds)
    }

    @Test(arguments: ["", "h", "1x", "1h30", "-5m", "forever"])
    func rejectsOthers(text: String) {
        #expect(DurationText.parse(text) == nil)
    }
}

@Suite struct ExportFormatTests {
    let issued = IssuedCredentials(
        profileName: "prod", credentials: Credentials(accessKeyID: "ASIA", secretAccessKey: "s'$`x", sessionToken: "t", expiration: RFC3339.date(from: "2026-11-29T01:00:00Z")),
        region: "eu-west-1")

    @Test func jsonIsTheCredentialProcessFormat() throws {
        let data = Data(try ExportFormat.json.render(issued).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["Version"] as? Int == 1)
        #expect(object["SecretAccessKey"] as? String == "s'$`x")
        #expect(object["Expiration"] as? String == "2026-11-29T01:00:00Z")
    }

    @Test func envFormatsQuoteForAPOSIXShell() throws {
        let text = try ExportFormat.exportEnv.render(issued)
        #expect(text.contains("export AWS_SECRET_ACCESS_KEY='s'\\''$`x'\n"))
        #expect(text.contains("export AWS_REGION=eu-west-1\n"))
        #expect(!text.contains("AWS_VAULT"))
    }

    @Test func iniRefusesAHeaderItCannotWrite() {
        var bad = issued
        bad.profileName = "evil]\n[default"
        #expect(throws: ExportError.self) { try ExportFormat.ini.render(bad) }
    }
}

/// A keyring whose every item is damaged (as a file store item that no longer decrypts).
private final class DamagedItems: Keyring, @unchecked Sendable {
    var names: [String]
    init(_ names: [String]) { self.names = names }
    func keys() throws -> [String] { names }
    func get(_ key: String) throws -> Data? { throw KeyringError.damagedItem(key: key, path: "/x/" + key, detail: "it does not decrypt") }
    func set(_ key: String, _ data: Data) throws { names.append(key) }
    func remove(_ key: String) throws { names.removeAll { $0 == key } }
}

@Test func aDamagedCachedSessionIsDroppedNotThrown() throws {
    let slot = SessionCache.Slot(kind: "sts.GetSessionToken", profile: "p", mfaSerial: "")
    let name = SessionKey(kind: slot.kind, profile: "p", mfaSerial: "", expiration: Date().addingTimeInterval(3600)).name
    let keyring = DamagedItems([name])
    #expect(try SessionCache(keyring: keyring, minimumTTL: 300).get(slot) == nil)
    #expect(keyring.names.isEmpty)
}
