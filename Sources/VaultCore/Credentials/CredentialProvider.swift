/// One way of getting credentials. One type per kind (stored keys, session
/// token, assumed role, credential_process); caching and single flight are
/// decorators around any of them, not flags.
package protocol CredentialProvider: Sendable {
    func credentials() throws -> Credentials
}
