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
    case unknownPromptDriver(String, origin: String)
    case promptNotInstalled(MFAPromptDriver, package: String)
    case promptCancelled(MFAPromptDriver)
    case promptFailed(MFAPromptDriver, detail: String)
    /// A token file (web identity, container authorization) could not be read.
    case tokenFile(profile: String, key: String, path: String, reason: String)
    /// A `credential_source` gave no credentials; `fix` says what to do.
    case sourceFailed(profile: String, source: String, endpoint: String, detail: String, fix: String)

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
            "profile '\(profile)' needs an MFA code for \(serial) but there is no terminal to ask on; pass --mfa-token CODE, set mfa_process in the profile, or choose a prompt with --prompt ykman|zenity|kdialog"
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
        case .unknownPromptDriver(let name, let origin):
            "\(origin) names the MFA prompt '\(ConfigError.clip(name))', which vault does not have; use one of \(MFAPromptDriver.names)"
        case .promptNotInstalled(let driver, let package):
            "the MFA prompt '\(driver.rawValue)' needs \(driver.rawValue), which is not on PATH; install it (Debian: apt-get install \(package)) or choose another with --prompt"
        case .promptCancelled(let driver):
            "the MFA code was not given (\(driver.rawValue) was cancelled or closed); run the command again to retry"
        case .promptFailed(let driver, let detail):
            "\(driver.rawValue) could not give an MFA code: \(ConfigError.clip(detail))"
        case .tokenFile(let profile, let key, let path, let reason):
            "cannot read the \(key) \(path) of profile '\(profile)': \(reason); check that the file exists and is readable"
        case .sourceFailed(let profile, let source, let endpoint, let detail, let fix):
            "credential_source \(source) of profile '\(profile)' gave no credentials (\(endpoint)): \(detail); \(fix)"
        }
    }
}
