/// The seam between the shell integration and the credential pipeline, so
/// the integration's logic can be tested with a stand-in.
package protocol ShellCredentialIssuer {
    func issue(_ request: CredentialRequest) throws -> IssuedCredentials
}

extension CredentialService: ShellCredentialIssuer {}

/// Opens the store only when credentials are really needed: leaving a
/// `.vaultrc` or printing `vault unset` never touches a keyring.
package struct DeferredIssuer: ShellCredentialIssuer {
    let make: () throws -> any ShellCredentialIssuer

    package init(_ make: @escaping () throws -> any ShellCredentialIssuer) {
        self.make = make
    }

    package func issue(_ request: CredentialRequest) throws -> IssuedCredentials {
        try make().issue(request)
    }
}
