/// What every error vault shows a person has: one line that says what
/// happened, where, and what to do. The executable prints it as `vault: …`.
///
/// Each domain has one enum conforming to this (`ConfigError`, `KeyringError`,
/// `AWSError`, `CredentialError`, `ShellError`). A message never holds a secret.
package protocol VaultError: Error, CustomStringConvertible, Sendable {
    /// The one-line message, without the `vault: ` prefix.
    var message: String { get }
    /// The process exit status for this error (default 1).
    var exitCode: Int32 { get }
}

extension VaultError {
    package var exitCode: Int32 { 1 }
    package var description: String { message }
}
