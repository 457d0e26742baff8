import OrderedCollections

/// A profile resolved from the config: its own settings merged with
/// `include_profile`, `[default]` and the environment, each setting keeping
/// where it came from, and its `source_profile` resolved in turn. Immutable.
package final class Profile: Sendable {
    /// Where a setting's value came from, for `vault config show`.
    package enum Origin: Sendable, Equatable, CustomStringConvertible {
        case own(SourceLocation)
        case included(profile: String, SourceLocation)
        case defaultSection(SourceLocation)
        case environment(String)

        package var description: String {
            switch self {
            case .own(let location): location.description
            case .included(let profile, let location): "\(location) (include_profile \(profile))"
            case .defaultSection(let location): "\(location) ([default])"
            case .environment(let name): "environment \(name)"
            }
        }

        package var location: SourceLocation? {
            switch self {
            case .own(let l), .included(_, let l), .defaultSection(let l): l
            case .environment: nil
            }
        }
    }

    package struct Setting: Sendable, Equatable {
        package var value: String
        package var origin: Origin
    }

    package let name: String
    /// Every string setting, lower-cased names, own keys first in file order.
    package let settings: OrderedDictionary<String, Setting>
    /// The profile whose credentials this one starts from; nil when the keys
    /// are stored under this profile's own name (or it runs a credential_process).
    package let source: Profile?
    /// The `[profile …]` header, nil for a profile that is only in the store.
    package let location: SourceLocation?
    /// The `[services NAME]` block this profile names, service id → settings.
    package let services: OrderedDictionary<String, OrderedDictionary<String, String>>
    /// The `[sso-session NAME]` block this profile names.
    package let ssoSession: OrderedDictionary<String, String>?

    init(
        name: String, settings: OrderedDictionary<String, Setting>, source: Profile?, location: SourceLocation?,
        services: OrderedDictionary<String, OrderedDictionary<String, String>>, ssoSession: OrderedDictionary<String, String>?
    ) {
        self.name = name
        self.settings = settings
        self.source = source
        self.location = location
        self.services = services
        self.ssoSession = ssoSession
    }

    package subscript(_ key: String) -> String? { settings[key]?.value }

    package var roleARN: String? { self["role_arn"] }
    package var mfaSerial: String? { self["mfa_serial"] }
    package var externalID: String? { self["external_id"] }
    package var roleSessionName: String? { self["role_session_name"] }
    package var region: String? { self["region"] }
    package var sourceIdentity: String? { self["source_identity"] }
    package var credentialProcess: String? { self["credential_process"] }
    package var mfaProcess: String? { self["mfa_process"] }
    package var webIdentityTokenFile: String? { self["web_identity_token_file"] }
    /// Validated by the resolver: one of `MetadataSource`'s names.
    package var credentialSource: MetadataSource? { self["credential_source"].flatMap(MetadataSource.init(rawValue:)) }
    package var stsRegionalEndpoints: String? { self["sts_regional_endpoints"] }
    package var endpointURL: String? { self["endpoint_url"] }
    package var caBundle: String? { self["ca_bundle"] }
    /// Validated by the resolver: an integer number of seconds.
    package var durationSeconds: Int? { self["duration_seconds"].flatMap { Int($0) } }

    /// `session_tags = key1=value1,key2=value2`, as aws-vault reads it
    /// (checked by the resolver, so never malformed here).
    package var sessionTags: [(key: String, value: String)] {
        self["session_tags"].flatMap(SessionTags.pairs) ?? []
    }

    /// `transitive_session_tags = key1,key2`.
    package var transitiveSessionTags: [String] {
        self["transitive_session_tags"].flatMap(SessionTags.keys) ?? []
    }

    /// `mfa_process`, else the source profile's, down the chain: aws-vault
    /// lends a source profile's `mfa_process` to the profiles built on it.
    package var inheritedMFAProcess: String? {
        chain.lazy.compactMap(\.mfaProcess).first
    }

    /// The chain from this profile down to the one holding the keys.
    package var chain: [Profile] {
        var result: [Profile] = [self]
        while let next = result.last?.source { result.append(next) }
        return result
    }

    /// The profile at the end of the `source_profile` links. The chain vault
    /// runs starts at the first profile with stored keys (see `ChainPlan`).
    package var keyHolder: Profile { chain.last! }
}
