import OrderedCollections

/// Turns a profile name into a resolved `Profile`, as aws-vault reads it:
/// own keys, then `include_profile` (nearest first), then `[default]` for
/// settings only; environment overrides as aws-vault applies them (region
/// and MFA serial to every profile of the chain, role and tag variables to
/// the profile asked for only). Cycles are errors, not hangs, and chains
/// deeper than `maximumDepth` are refused rather than recursed into.
package struct ProfileResolver: Sendable {
    package let file: ConfigFile
    package let settings: Settings

    /// Settings `[default]` lends to profiles that lack them; never identity
    /// keys such as `role_arn`, `source_profile` or `credential_process`
    /// (aws-vault lends those too; see README, "Coming from aws-vault").
    static let inheritedFromDefault: Set<String> = [
        "region", "mfa_serial", "mfa_process", "duration_seconds", "role_session_name", "sts_regional_endpoints",
        "endpoint_url", "ca_bundle",
    ]

    /// How many profiles an `include_profile` or `source_profile` chain may
    /// span. STS refuses role chains long before this; the bound keeps a
    /// hostile config from exhausting the stack.
    package static let maximumDepth = 64

    /// Environment variables aws-vault applies to every profile it loads
    /// (the target and each source profile). `AWS_REGION` wins: applied last.
    static let chainOverrides: [(variable: String, key: String)] = [
        ("AWS_DEFAULT_REGION", "region"), ("AWS_REGION", "region"), ("AWS_MFA_SERIAL", "mfa_serial"),
    ]

    /// Environment variables aws-vault applies to the profile asked for only.
    static let targetOverrides: [(variable: String, key: String)] = [
        ("AWS_ROLE_ARN", "role_arn"), ("AWS_ROLE_SESSION_NAME", "role_session_name"),
        ("AWS_SESSION_TAGS", "session_tags"), ("AWS_TRANSITIVE_TAGS", "transitive_session_tags"),
        ("AWS_SOURCE_IDENTITY", "source_identity"),
        // botocore's AssumeRoleWithWebIdentityProvider: the variable wins over the profile's key.
        ("AWS_WEB_IDENTITY_TOKEN_FILE", "web_identity_token_file"),
    ]

    package init(file: ConfigFile, settings: Settings) {
        self.file = file
        self.settings = settings
    }

    /// Resolves `name`. `knownElsewhere` says the profile exists outside the
    /// config (its keys are stored), so a missing section is not an error.
    package func resolve(_ name: String, knownElsewhere: Bool = false) throws(ConfigError) -> Profile {
        if file.profiles[name] == nil, !knownElsewhere {
            throw .unknownProfile(name: name, path: file.path)
        }
        // Walk down the source_profile links first (iteratively), then build
        // the profiles bottom-up so each one holds its resolved source.
        var names: [String] = []
        var merged: [OrderedDictionary<String, Profile.Setting>] = []
        var current = name
        while true {
            var settings = try ownIncludedAndDefault(current)
            applyOverrides(Self.chainOverrides, to: &settings)
            if names.isEmpty { applyOverrides(Self.targetOverrides, to: &settings) }
            try validate(settings, profile: current)
            names.append(current)
            merged.append(settings)
            guard let sourceSetting = settings["source_profile"], sourceSetting.value != current else { break }
            let sourceName = sourceSetting.value
            let location = sourceSetting.origin.location ?? SourceLocation(file: file.path, line: 0)
            if names.contains(sourceName) {
                throw .cycle(key: "source_profile", chain: names + [sourceName], location: location)
            }
            guard file.profiles[sourceName] != nil else {
                throw .unknownReference(key: "source_profile", name: sourceName, profile: current, location: location)
            }
            if names.count >= Self.maximumDepth {
                throw .tooDeep(key: "source_profile", profile: current, limit: Self.maximumDepth, location: location)
            }
            current = sourceName
        }
        var source: Profile?
        for (profileName, settings) in zip(names, merged).reversed() {
            source = Profile(
                name: profileName, settings: settings, source: source, location: file.profiles[profileName]?.location,
                services: services(named: settings["services"]?.value), ssoSession: ssoSession(named: settings["sso_session"]?.value))
        }
        return source!
    }

    /// The profile's own string settings, then those of the profiles it
    /// includes (nearest first), then what `[default]` lends.
    private func ownIncludedAndDefault(_ name: String) throws(ConfigError) -> OrderedDictionary<String, Profile.Setting> {
        var merged = OrderedDictionary<String, Profile.Setting>()
        var visiting: [String] = []
        var current = name
        while let section = file.profiles[current] {
            let isIncluded = !visiting.isEmpty
            for (key, entry) in section.options where merged[key] == nil {
                guard let value = entry.string else { continue }
                merged[key] = .init(value: value, origin: isIncluded ? .included(profile: current, entry.location) : .own(entry.location))
            }
            visiting.append(current)
            guard let include = section.options["include_profile"], let includedName = include.string else { break }
            if visiting.contains(includedName) {
                throw .cycle(key: "include_profile", chain: visiting + [includedName], location: include.location)
            }
            guard file.profiles[includedName] != nil else {
                throw .unknownReference(key: "include_profile", name: includedName, profile: current, location: include.location)
            }
            if visiting.count >= Self.maximumDepth {
                throw .tooDeep(key: "include_profile", profile: current, limit: Self.maximumDepth, location: include.location)
            }
            current = includedName
        }
        if name != "default", let defaults = file.profiles["default"] {
            for (key, entry) in defaults.options where Self.inheritedFromDefault.contains(key) && merged[key] == nil {
                if let value = entry.string { merged[key] = .init(value: value, origin: .defaultSection(entry.location)) }
            }
        }
        return merged
    }

    private func applyOverrides(_ overrides: [(variable: String, key: String)], to merged: inout OrderedDictionary<String, Profile.Setting>) {
        for (variable, key) in overrides {
            if let value = settings[variable], !value.isEmpty { merged[key] = .init(value: value, origin: .environment(variable)) }
        }
    }

    private func validate(_ merged: OrderedDictionary<String, Profile.Setting>, profile: String) throws(ConfigError) {
        func location(_ setting: Profile.Setting) -> SourceLocation {
            setting.origin.location ?? SourceLocation(file: file.path, line: 0)
        }
        if let duration = merged["duration_seconds"] {
            guard let seconds = Int(duration.value), seconds > 0 else {
                throw .invalidValue(
                    key: "duration_seconds", value: duration.value, profile: profile, location: location(duration),
                    expected: "a whole number of seconds, e.g. 3600")
            }
        }
        if let tags = merged["session_tags"], SessionTags.pairs(tags.value) == nil {
            throw .invalidTags(key: "session_tags", value: tags.value, profile: profile, origin: tags.origin, expected: SessionTags.pairsFormat)
        }
        if let keys = merged["transitive_session_tags"], SessionTags.keys(keys.value) == nil {
            throw .invalidTags(key: "transitive_session_tags", value: keys.value, profile: profile, origin: keys.origin, expected: SessionTags.keysFormat)
        }
        try validateSources(merged, profile: profile)
    }

    /// botocore's rules for `credential_source` and `web_identity_token_file`.
    private func validateSources(_ merged: OrderedDictionary<String, Profile.Setting>, profile: String) throws(ConfigError) {
        if let source = merged["credential_source"] {
            guard MetadataSource(rawValue: source.value) != nil else {
                throw .invalidTags(key: "credential_source", value: source.value, profile: profile, origin: source.origin, expected: MetadataSource.names)
            }
            if merged["source_profile"] != nil {
                throw .invalidTags(key: "credential_source", value: source.value, profile: profile, origin: source.origin,
                                   expected: "either credential_source or source_profile, not both (as botocore); remove one")
            }
            if merged["role_arn"] == nil {
                throw .invalidTags(key: "credential_source", value: source.value, profile: profile, origin: source.origin,
                                   expected: "a role_arn beside it: credential_source gives the keys a role is assumed with")
            }
        }
        if let file = merged["web_identity_token_file"], merged["role_arn"] == nil {
            throw .invalidTags(key: "web_identity_token_file", value: file.value, profile: profile, origin: file.origin,
                               expected: "a role_arn beside it (or AWS_ROLE_ARN): the role the token is exchanged for")
        }
    }

    private func services(named name: String?) -> OrderedDictionary<String, OrderedDictionary<String, String>> {
        guard let name, let section = file.services[name] else { return [:] }
        var result = OrderedDictionary<String, OrderedDictionary<String, String>>()
        for (service, entry) in section.options {
            if case .nested(let values) = entry.value { result[service] = values }
        }
        return result
    }

    private func ssoSession(named name: String?) -> OrderedDictionary<String, String>? {
        guard let name, let section = file.ssoSessions[name] else { return nil }
        return section.options.compactMapValues(\.string)
    }
}
