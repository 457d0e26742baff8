import OrderedCollections

/// Turns a profile name into a resolved `Profile`, as aws-vault users expect:
/// own keys, then `include_profile` (recursively), then `[default]` for
/// settings only, with the environment applied to the profile asked for.
/// Cycles in `include_profile` or `source_profile` are errors, not hangs.
package struct ProfileResolver: Sendable {
    package let file: ConfigFile
    package let settings: Settings

    /// Settings `[default]` lends to profiles that lack them; never identity
    /// keys such as `role_arn`, `source_profile` or `credential_process`.
    static let inheritedFromDefault: Set<String> = [
        "region", "mfa_serial", "duration_seconds", "role_session_name", "sts_regional_endpoints",
        "endpoint_url", "ca_bundle",
    ]

    package init(file: ConfigFile, settings: Settings) {
        self.file = file
        self.settings = settings
    }

    /// Resolves `name`. `knownElsewhere` says the profile exists outside the
    /// config (its keys are stored), so a missing section is not an error.
    package func resolve(_ name: String, knownElsewhere: Bool = false) throws(ConfigError) -> Profile {
        try resolve(name, path: [], knownElsewhere: knownElsewhere, applyEnvironment: true)
    }

    private func resolve(_ name: String, path: [String], knownElsewhere: Bool, applyEnvironment: Bool) throws(ConfigError) -> Profile {
        let section = file.profiles[name]
        if section == nil, !knownElsewhere {
            throw .unknownProfile(name: name, path: file.path)
        }
        var merged = try ownAndIncluded(name, visiting: [])
        if name != "default", let defaults = file.profiles["default"] {
            for (key, entry) in defaults.options where Self.inheritedFromDefault.contains(key) && merged[key] == nil {
                if let value = entry.string { merged[key] = .init(value: value, origin: .defaultSection(entry.location)) }
            }
        }
        if applyEnvironment { applyEnvironmentOverrides(to: &merged) }
        try validate(merged, profile: name)

        var source: Profile?
        if let sourceSetting = merged["source_profile"], sourceSetting.value != name {
            let sourceName = sourceSetting.value
            let location = sourceSetting.origin.location ?? SourceLocation(file: file.path, line: 0)
            if path.contains(sourceName) || sourceName == name {
                throw .cycle(key: "source_profile", chain: path + [name, sourceName], location: location)
            }
            guard file.profiles[sourceName] != nil else {
                throw .unknownReference(key: "source_profile", name: sourceName, profile: name, location: location)
            }
            source = try resolve(sourceName, path: path + [name], knownElsewhere: false, applyEnvironment: false)
        }
        return Profile(
            name: name, settings: merged, source: source, location: section?.location,
            services: services(named: merged["services"]?.value), ssoSession: ssoSession(named: merged["sso_session"]?.value))
    }

    /// The profile's own string settings, then those of the profiles it
    /// includes, nearest first.
    private func ownAndIncluded(_ name: String, visiting: [String]) throws(ConfigError) -> OrderedDictionary<String, Profile.Setting> {
        guard let section = file.profiles[name] else { return [:] }
        var merged = OrderedDictionary<String, Profile.Setting>()
        let isIncluded = !visiting.isEmpty
        for (key, entry) in section.options {
            guard let value = entry.string else { continue }
            merged[key] = .init(value: value, origin: isIncluded ? .included(profile: name, entry.location) : .own(entry.location))
        }
        guard let include = section.options["include_profile"], let includedName = include.string else { return merged }
        if includedName == name || visiting.contains(includedName) {
            throw .cycle(key: "include_profile", chain: visiting + [name, includedName], location: include.location)
        }
        guard file.profiles[includedName] != nil else {
            throw .unknownReference(key: "include_profile", name: includedName, profile: name, location: include.location)
        }
        for (key, setting) in try ownAndIncluded(includedName, visiting: visiting + [name]) where merged[key] == nil {
            merged[key] = setting
        }
        return merged
    }

    private func applyEnvironmentOverrides(to merged: inout OrderedDictionary<String, Profile.Setting>) {
        let overrides: [(variable: String, key: String)] = [
            ("AWS_DEFAULT_REGION", "region"), ("AWS_REGION", "region"),  // AWS_REGION wins: applied last
            ("AWS_MFA_SERIAL", "mfa_serial"),
            ("AWS_ROLE_ARN", "role_arn"), ("AWS_ROLE_SESSION_NAME", "role_session_name"),
        ]
        for (variable, key) in overrides {
            if let value = settings[variable] { merged[key] = .init(value: value, origin: .environment(variable)) }
        }
    }

    private func validate(_ merged: OrderedDictionary<String, Profile.Setting>, profile: String) throws(ConfigError) {
        if let duration = merged["duration_seconds"] {
            guard let seconds = Int(duration.value), seconds > 0 else {
                throw .invalidValue(
                    key: "duration_seconds", value: duration.value, profile: profile,
                    location: duration.origin.location ?? SourceLocation(file: file.path, line: 0),
                    expected: "a whole number of seconds, e.g. 3600")
            }
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
