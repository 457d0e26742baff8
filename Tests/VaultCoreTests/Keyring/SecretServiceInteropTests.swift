import Foundation
import Testing
@testable import VaultCore

/// Run by Tests/Integration/test_keyring_secret_service.py inside its private
/// GNOME Keyring, after another Secret Service client wrote items in
/// aws-vault's layout (or locked the collection). Skipped elsewhere.
@Suite struct SecretServiceInterop {
    static let environment = ProcessInfo.processInfo.environment

    @Test(.enabled(if: environment["VAULT_TEST_INTEROP_PROFILE"] != nil))
    func readsCredentialsAnotherClientStoredInAwsVaultLayout() throws {
        let profile = try #require(Self.environment["VAULT_TEST_INTEROP_PROFILE"])
        let store = CredentialStore(keyring: SecretServiceKeyring(collectionName: nil, busAddress: Settings.process().sessionBusAddress ?? ""))
        #expect(try store.profilesWithKeys().contains(profile))
        let credentials = try #require(try store.get(profile))
        #expect(credentials.accessKeyID == Self.environment["VAULT_TEST_INTEROP_ACCESS_KEY_ID"])
        #expect(credentials.secretAccessKey == Self.environment["VAULT_TEST_INTEROP_SECRET"])
    }

    @Test(.enabled(if: environment["VAULT_TEST_LOCKED_PROFILE"] != nil))
    func aLockedCollectionIsNotAMiss() throws {
        let profile = try #require(Self.environment["VAULT_TEST_LOCKED_PROFILE"])
        let keyring = SecretServiceKeyring(collectionName: nil, busAddress: Settings.process().sessionBusAddress ?? "")
        for key in [profile, profile + "-absent"] {
            #expect {
                try keyring.get(key)
            } throws: { error in
                guard case .collectionLocked(SecretServiceKeyring.awsVaultCollection, "GNOME Keyring", _)? = error as? KeyringError else { return false }
                return true
            }
        }
    }
}
