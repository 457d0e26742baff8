import Foundation
import Testing
@testable import VaultCore

@Test func parsesAnAwsVaultSessionKey() throws {
    // profile "work", mfa "arn:aws:iam::111111111111:mfa/me", as aws-vault writes them.
    let name = "sts.GetSessionToken,d29yaw,YXJuOmF3czppYW06OjExMTExMTExMTExMTptZmEvbWU,1700000000"
    let key = try #require(SessionKey(name))
    #expect(key.kind == "sts.GetSessionToken")
    #expect(key.displayKind == "GetSessionToken")
    #expect(key.profile == "work")
    #expect(key.mfaSerial == "arn:aws:iam::111111111111:mfa/me")
    #expect(key.expiration == Date(timeIntervalSince1970: 1_700_000_000))
    #expect(key.name == name)
}

@Test func sessionKeysWithoutMFARoundTrip() {
    let key = SessionKey(kind: "sts.AssumeRole", profile: "a,b", expiration: Date(timeIntervalSince1970: 42))
    #expect(key.name == "sts.AssumeRole,YSxi,,42")
    #expect(SessionKey(key.name) == key)
}

@Test(arguments: ["work", "my profile", "oidc:https://x", "sts.GetSessionToken,???,,1", "a,b,c"])
func profileNamesAreNotSessions(_ name: String) {
    #expect(SessionKey(name) == nil)
}

@Test(arguments: ["session,d29yaw,,1700000000", "session:work::1700000000", "work session (1700000000)"])
func oldSessionNamesAreNotCredentials(_ name: String) {
    #expect(KeyName.isSession(name))
    #expect(!KeyName.isCredentials(name))
}

@Test func unlockTTLParses() throws {
    #expect(try Settings(environment: [:]).fileStoreUnlockTTL() == 900)
    #expect(try Settings(environment: ["AWS_VAULT_FILE_UNLOCK_TTL": "0"]).fileStoreUnlockTTL() == 0)
    #expect(try Settings(environment: ["AWS_VAULT_FILE_UNLOCK_TTL": "1h30m"]).fileStoreUnlockTTL() == 5400)
    #expect(try Settings(environment: ["AWS_VAULT_FILE_UNLOCK_TTL": "90s"]).fileStoreUnlockTTL() == 90)
    #expect(throws: KeyringError.invalidUnlockTTL("soon")) { try Settings(environment: ["AWS_VAULT_FILE_UNLOCK_TTL": "soon"]).fileStoreUnlockTTL() }
}

@Test func fileStoreDirectoryDefaultsUnderXDGDataHome() {
    #expect(Settings(environment: ["HOME": "/h"]).fileStoreDirectory == "/h/.local/share/vault/keys")
    #expect(Settings(environment: ["HOME": "/h", "VAULT_FILE_DIR": "~/k"]).fileStoreDirectory == "/h/k")
    // AWS_VAULT_FILE_DIR names aws-vault's store (another format), never vault's.
    let both = Settings(environment: ["HOME": "/h", "AWS_VAULT_FILE_DIR": "~/a"])
    #expect(both.fileStoreDirectory == "/h/.local/share/vault/keys")
    #expect(both.awsVaultFileDirectory == "/h/a")
    #expect(Settings(environment: ["HOME": "/h"]).awsVaultFileDirectory == "/h/.awsvault/keys")
}

@Test func theCredentialsJSONIsAwsVaultsLayout() throws {
    let keyring = MemoryKeyring()
    try CredentialStore(keyring: keyring).set("p", Credentials(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
    let data = try #require(try keyring.get("p"))
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(Set(object.keys) == ["AccessKeyID", "SecretAccessKey", "SessionToken", "Source", "CanExpire", "Expires"])
    #expect(object["Expires"] as? String == "0001-01-01T00:00:00Z")
    #expect(object["CanExpire"] as? Bool == false)
}

@Test func readsOlderAwsVaultCredentials() throws {
    let keyring = MemoryKeyring(["p": Data(#"{"AccessKeyID":"AKIAIOSFODNN7EXAMPLE","SecretAccessKey":"s","SessionToken":"","ProviderName":""}"#.utf8)])
    #expect(try CredentialStore(keyring: keyring).get("p")?.accessKeyID == "AKIAIOSFODNN7EXAMPLE")
}

@Test func theSecretServiceEnvelopeIs99designsItem() throws {
    let wrapped = try SecretServiceKeyring.wrap(Data("abc".utf8), key: "work")
    let object = try #require(try JSONSerialization.jsonObject(with: wrapped) as? [String: Any])
    #expect(object["Key"] as? String == "work")
    #expect(object["Data"] as? String == "YWJj")
    #expect(object["Label"] as? String == "aws-vault (work)")
    #expect(try SecretServiceKeyring.unwrap(wrapped, key: "work") == Data("abc".utf8))
    #expect(throws: KeyringError.self) { try SecretServiceKeyring.unwrap(Data("nope".utf8), key: "work") }
}

/// RFC 4648 §10's vectors in the URL-safe alphabet without padding, and every
/// byte that base64url cannot hold refused.
@Test func base64URLMatchesRFC4648() {
    let vectors = ["": "", "f": "Zg", "fo": "Zm8", "foo": "Zm9v", "foob": "Zm9vYg", "fooba": "Zm9vYmE", "foobar": "Zm9vYmFy"]
    for (plain, encoded) in vectors {
        #expect(Base64URL.encode(plain) == encoded)
        #expect(Base64URL.decode(encoded) == plain)
    }
    // "?>?" encodes to "Pz4/" in standard base64: both URL-safe letters appear.
    #expect(Base64URL.encode("?>?~") == "Pz4_fg")
    #expect(Base64URL.encode("\u{FB}\u{FF}") == "w7vDvw")
    #expect(Base64URL.decode("Pz4_fg") == "?>?~")
    for bad in ["Pz4/fg", "Pz4+", "Zm9v=", "Zm9vY", "Zm 9v", "Zé9v", "\u{0}"] {
        #expect(Base64URL.decode(bad) == nil, "\(bad)")
    }
}

@Test func base64URLRoundTripsRandomNames() {
    var random = SplitMix(seed: 20261201)
    for _ in 0..<2000 {
        let scalars = (0..<Int.random(in: 0..<24, using: &random)).map { _ in
            Unicode.Scalar(UInt32.random(in: 1...0x2FF, using: &random))!
        }
        var name = ""
        name.unicodeScalars.append(contentsOf: scalars)
        let encoded = Base64URL.encode(name)
        #expect(!encoded.contains("=") && !encoded.contains("+") && !encoded.contains("/"))
        #expect(Base64URL.decode(encoded) == name)
    }
}
