#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The variables `vault exec` and `vault env` set for a profile's credentials,
/// as aws-vault defines them.
package enum CredentialEnvironment {
    /// Variables removed so that SDKs use the exported keys, not a profile.
    package static let removed = ["AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SDK_LOAD_CONFIG", "AWS_CREDENTIAL_FILE"]

    /// Every variable vault may set or remove, for `vault env` bookkeeping.
    package static let managed = removed + [
        "AWS_VAULT", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN",
        "AWS_CREDENTIAL_EXPIRATION", "AWS_SESSION_EXPIRATION", "AWS_REGION", "AWS_DEFAULT_REGION",
    ]

    /// The changes for `profile`'s credentials, sorted by name so output is stable.
    package static func changes(profile: String, credentials: Credentials, region: String?) -> [EnvironmentChange] {
        var changes: [EnvironmentChange] = removed.map { .unset($0) }
        changes.append(.set("AWS_VAULT", profile))
        changes.append(.set("AWS_ACCESS_KEY_ID", credentials.accessKeyID))
        changes.append(.set("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey))
        if let token = credentials.sessionToken {
            changes.append(.set("AWS_SESSION_TOKEN", token))
            changes.append(.set("AWS_SECURITY_TOKEN", token))
        } else {
            changes.append(.unset("AWS_SESSION_TOKEN"))
            changes.append(.unset("AWS_SECURITY_TOKEN"))
        }
        if let expiration = credentials.expiration {
            let stamp = RFC3339.string(from: expiration)
            changes.append(.set("AWS_CREDENTIAL_EXPIRATION", stamp))
            changes.append(.set("AWS_SESSION_EXPIRATION", stamp))
        } else {
            changes.append(.unset("AWS_CREDENTIAL_EXPIRATION"))
            changes.append(.unset("AWS_SESSION_EXPIRATION"))
        }
        if let region {
            changes.append(.set("AWS_REGION", region))
            changes.append(.set("AWS_DEFAULT_REGION", region))
        }
        return changes.sorted { $0.name < $1.name }
    }
}

/// RFC 3339 timestamps in UTC with a `Z`, second precision, as AWS writes
/// them (done by `AWSTime`: Foundation's ISO 8601 style costs about 0.4 ms of
/// calendar set-up on first use, at every `vault export`).
package enum RFC3339 {
    package static func string(from date: Date) -> String {
        AWSTime.iso8601(date)
    }

    /// Parses `2026-11-29T01:02:03Z`, with or without fractional seconds or an offset.
    package static func date(from string: String) -> Date? {
        AWSTime.parseISO8601(string)
    }
}
