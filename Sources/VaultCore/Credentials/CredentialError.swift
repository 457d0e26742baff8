/// What can go wrong while getting credentials for a profile.
package enum CredentialError: VaultError, Equatable {
    case noStoredKeys(profile: String)
    case processFailed(profile: String, command: String, status: Int32, stderr: String)
    case processOutput(profile: String, command: String, problem: String)
    case mfaUnavailable(serial: String, profile: String)
    case mfaInvalid(source: String)
    case mfaTooManyTries(serial: String)
    case nested(current: String)
    case invalidDuration(String)
    case lockFailed(path: String, reason: String)

    package var message: String {
        switch self {
        case .noStoredKeys(let profile):
            "no credentials stored for profile '\(profile)'; run 'vault add \(profile)' to store its access key"
        case .processFailed(let profile, let command, let status, let stderr):
            "credential_process for profile '\(profile)' (\(ConfigError.clip(command))) exited with status \(status)"
                + (stderr.isEmpty ? "" : ": \(ConfigError.clip(stderr))") + "; run it by hand to see why"
        case .processOutput(let profile, let command, let problem):
            "credential_process for profile '\(profile)' (\(ConfigError.clip(command))) printed \(problem); it must print JSON with Version 1, AccessKeyId and SecretAccessKey"
        case .mfaUnavailable(let serial, let profile):
            "profile '\(profile)' needs an MFA code for \(serial) but there is no terminal to ask on; pass --mfa-token CODE or set mfa_process in the profile"
        case .mfaInvalid(let source):
            "the MFA code from \(source) is not 6 digits; check it and try again"
        case .mfaTooManyTries(let serial):
            "no valid MFA code for \(serial) after 3 tries; a code is 6 digits"
        case .nested(let current):
            "already in a vault environment for profile '\(current)'; run 'exit' (or 'vault unset') to leave it first"
        case .invalidDuration(let value):
            "'\(ConfigError.clip(value))' is not a duration; use e.g. 900s, 45m, 1h or 1h30m"
        case .lockFailed(let path, let reason):
            "cannot lock \(path): \(reason); check that the folder is yours and writable"
        }
    }
}
