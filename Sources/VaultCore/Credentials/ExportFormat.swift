#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `vault export --format …`: credentials as text for other programs.
package enum ExportFormat: String, CaseIterable, Sendable {
    /// `NAME=value` lines (values quoted for a POSIX shell when they need it).
    case env
    /// `export NAME=value` lines, for `eval` in any POSIX shell.
    case exportEnv = "export-env"
    /// The AWS `credential_process` JSON (Version 1).
    case json
    /// A credentials-file section.
    case ini

    package func render(_ issued: IssuedCredentials) throws -> String {
        let creds = issued.credentials
        switch self {
        case .env, .exportEnv:
            let prefix = self == .exportEnv ? "export " : ""
            return issued.environmentChanges.compactMap { change in
                guard case .set(let name, let value) = change, name != "AWS_VAULT" else { return nil }
                return prefix + name + "=" + POSIXQuote.quote(value) + "\n"
            }.joined()
        case .json:
            var members = [
                ("Version", "1"),
                ("AccessKeyId", JSONText.quote(creds.accessKeyID)),
                ("SecretAccessKey", JSONText.quote(creds.secretAccessKey)),
            ]
            if let token = creds.sessionToken { members.append(("SessionToken", JSONText.quote(token))) }
            if let expiration = creds.expiration { members.append(("Expiration", JSONText.quote(RFC3339.string(from: expiration)))) }
            return JSONText.object(members) + "\n"
        case .ini:
            // A header cannot carry these; the name came from a file the user may not control.
            guard !issued.profileName.unicodeScalars.contains(where: { $0 == "]" || $0 == "[" || $0.value < 0x20 || $0.value == 0x7F }) else {
                throw ExportError.unsafeSectionName(issued.profileName)
            }
            var lines = ["[\(issued.profileName)]", "aws_access_key_id=\(creds.accessKeyID)", "aws_secret_access_key=\(creds.secretAccessKey)"]
            if let token = creds.sessionToken { lines += ["aws_session_token=\(token)", "aws_security_token=\(token)"] }
            if let expiration = creds.expiration { lines.append("aws_credential_expiration=\(RFC3339.string(from: expiration))") }
            if let region = issued.region, region.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) {
                lines.append("region=\(region)")
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }
}

package enum ExportError: VaultError {
    case unsafeSectionName(String)

    package var message: String {
        switch self {
        case .unsafeSectionName(let name):
            "profile name '\(ConfigError.clip(name))' cannot be written as an INI section; use --format json or env"
        }
    }
}

/// Quoting for a POSIX shell: safe words as they are, anything else in single
/// quotes with `'\''` for each quote inside.
package enum POSIXQuote {
    package static func quote(_ value: String) -> String {
        let safe = !value.isEmpty && value.unicodeScalars.allSatisfy { s in
            ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || "_@%+=:,./-".unicodeScalars.contains(s)
        }
        if safe { return value }
        return "'" + value.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
