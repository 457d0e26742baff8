#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The variables that tune sessions, as aws-vault names them.
extension Settings {
    /// `AWS_MIN_TTL` (default 5m): a cached session with less left is renewed.
    package func minimumTTL() throws(CredentialError) -> TimeInterval {
        try duration("AWS_MIN_TTL", default: 5 * 60)
    }

    /// `AWS_SESSION_TOKEN_TTL` (default 1h).
    package func sessionTokenTTL() throws(CredentialError) -> TimeInterval {
        try duration("AWS_SESSION_TOKEN_TTL", default: 3600)
    }

    /// `AWS_CHAINED_SESSION_TOKEN_TTL` (default 8h): a session that carries the
    /// MFA for a role assumed from it.
    package func chainedSessionTokenTTL() throws(CredentialError) -> TimeInterval {
        try duration("AWS_CHAINED_SESSION_TOKEN_TTL", default: 8 * 3600)
    }

    /// `AWS_ASSUME_ROLE_TTL` (default 1h).
    package func assumeRoleTTL() throws(CredentialError) -> TimeInterval {
        try duration("AWS_ASSUME_ROLE_TTL", default: 3600)
    }

    /// `AWS_VAULT_DURATION`: aws-vault's default for `-d/--duration`.
    package func vaultDuration() throws(CredentialError) -> TimeInterval? {
        self["AWS_VAULT_DURATION"] == nil ? nil : try duration("AWS_VAULT_DURATION", default: 0)
    }

    /// `AWS_FEDERATION_TOKEN_TTL` (default 1h): `vault login`'s GetFederationToken.
    package func federationTokenTTL() throws(CredentialError) -> TimeInterval {
        try duration("AWS_FEDERATION_TOKEN_TTL", default: 3600)
    }

    /// The duration variables that are set, each with what it changes, for
    /// `config show` (they shape the plan but are no profile setting).
    package var durationOrigins: [String] {
        let meaning: [(String, String)] = [
            ("AWS_VAULT_DURATION", "every call's duration when -d/--duration is not given"),
            ("AWS_ASSUME_ROLE_TTL", "AssumeRole's duration"),
            ("AWS_SESSION_TOKEN_TTL", "GetSessionToken's duration"),
            ("AWS_CHAINED_SESSION_TOKEN_TTL", "GetSessionToken's duration when a role is built on it"),
            ("AWS_FEDERATION_TOKEN_TTL", "vault login's GetFederationToken duration"),
            ("AWS_MIN_TTL", "how long a cached session must still last to be used"),
        ]
        return meaning.compactMap { name, what in self[name].map { "environment \(name)=\($0): \(what)" } }
    }

    /// `AWS_VAULT`: the profile of the vault environment this process is in.
    package var activeVaultProfile: String? { self["AWS_VAULT"] }

    private func duration(_ name: String, default value: TimeInterval) throws(CredentialError) -> TimeInterval {
        guard let raw = self[name] else { return value }
        guard let parsed = DurationText.parse(raw) else { throw .invalidDuration("\(name)=\(raw)") }
        return parsed
    }
}

/// Durations as aws-vault (Go's `time.ParseDuration`) writes them: `1h`,
/// `45m`, `900s`, `1h30m`, `1.5h`; a bare number counts as seconds.
package enum DurationText {
    package static func parse(_ text: String) -> TimeInterval? {
        if let seconds = Double(text), seconds >= 0 { return seconds }
        var total = 0.0
        var number = ""
        var scalars = Array(text.unicodeScalars)[...]
        guard !scalars.isEmpty else { return nil }
        while let c = scalars.first {
            if ("0"..."9").contains(c) || c == "." {
                number.unicodeScalars.append(c)
                scalars = scalars.dropFirst()
                continue
            }
            guard let value = Double(number) else { return nil }
            number = ""
            let unit: Double
            if scalars.starts(with: "ms".unicodeScalars) {
                unit = 0.001
                scalars = scalars.dropFirst(2)
            } else {
                switch c {
                case "h": unit = 3600
                case "m": unit = 60
                case "s": unit = 1
                default: return nil
                }
                scalars = scalars.dropFirst()
            }
            total += value * unit
        }
        return number.isEmpty ? total : nil
    }
}
