/// Long-term keys from the store, under the profile's own name.
package struct StoredKeysProvider: CredentialProvider {
    package let store: CredentialStore
    package let profile: String

    package func credentials() throws -> Credentials {
        guard let keys = try store.get(profile) else { throw CredentialError.noStoredKeys(profile: profile) }
        return keys
    }
}

/// `sts:GetSessionToken` from long-term keys, with an MFA code when a serial is set.
package struct SessionTokenProvider: CredentialProvider {
    package let source: any CredentialProvider
    package let sts: STSClient
    package let durationSeconds: Int
    package let mfa: MFARequirement?

    package func credentials() throws -> Credentials {
        let keys = try source.credentials()
        let code = try mfa?.code()
        return try sts.getSessionToken(
            with: keys, durationSeconds: durationSeconds, serialNumber: mfa?.serial, tokenCode: code)
    }
}

/// `sts:AssumeRole` from the source's credentials.
package struct AssumeRoleProvider: CredentialProvider {
    package let source: any CredentialProvider
    package let sts: STSClient
    package let request: AssumeRoleRequest
    package let mfa: MFARequirement?

    package func credentials() throws -> Credentials {
        let from = try source.credentials()
        var request = self.request
        if let mfa {
            request.serialNumber = mfa.serial
            request.tokenCode = try mfa.code()
        }
        return try sts.assumeRole(with: from, request)
    }
}
