/// Where a sign-in goes: an IAM Identity Center instance (start URL and
/// region) and, for the `[sso-session NAME]` form, the session's name, which
/// also names the cached token (botocore keys it by session name; the legacy
/// form keys it by start URL).
package struct SSOSession: Sendable, Equatable {
    /// nil for the legacy form (`sso_start_url` in the profile itself).
    package var name: String?
    package var startURL: String
    package var region: String
    /// `sso_registration_scopes`, comma-separated in the config.
    package var registrationScopes: [String]
    /// Where the start URL is set, for messages.
    package var location: SourceLocation?

    /// The AWS CLI's default scope: without a scope IAM Identity Center issues
    /// no refresh token, and people would sign in again every 8 hours.
    package static let defaultScopes = ["sso:account:access"]

    package init(name: String?, startURL: String, region: String, registrationScopes: [String], location: SourceLocation?) {
        self.name = name
        self.startURL = startURL
        self.region = region
        self.registrationScopes = registrationScopes
        self.location = location
    }

    /// For messages: `sso-session corp` or `start URL https://…`.
    package var displayName: String {
        if let name { return "sso-session \(ConfigError.clip(name))" }
        return "start URL \(ConfigError.clip(startURL))"
    }

    /// The command that signs this session in again.
    package func loginCommand(profile: String?) -> String {
        if let name { return "vault sso login --sso-session \(name)" }
        return "vault sso login \(profile ?? "PROFILE")"
    }
}

/// A profile that gets its credentials from IAM Identity Center: the session
/// plus the account and role GetRoleCredentials asks for.
package struct SSOProfile: Sendable, Equatable {
    package var profile: String
    package var session: SSOSession
    package var accountID: String
    package var roleName: String
}

/// Reads SSO settings from the config as botocore's `SSOProvider` and the AWS
/// CLI's `BaseSSOCommand` do, with a file:line for everything missing.
package enum SSOConfig {
    /// The keys that make a profile an SSO profile.
    static let profileKeys = ["sso_session", "sso_start_url", "sso_account_id", "sso_role_name"]

    /// Whether the profile's own settings (not its source profile's) use SSO.
    package static func isSSOProfile(_ profile: Profile) -> Bool {
        profileKeys.contains { profile.settings[$0] != nil }
    }

    /// The session a profile signs in with (`vault sso login PROFILE`).
    package static func session(for profile: Profile, file: ConfigFile) throws(SSOError) -> SSOSession {
        guard isSSOProfile(profile) else { throw .notSSOProfile(profile: profile.name) }
        if let reference = profile.settings["sso_session"] {
            let session = try named(reference.value, file: file, referencedAt: reference.origin.location)
            // botocore refuses a profile whose own sso_start_url/sso_region disagree with its session.
            for (key, value) in [("sso_start_url", session.startURL), ("sso_region", session.region)] {
                if let own = profile.settings[key], own.value != value {
                    throw .incompleteConfig(
                        what: "profile '\(ConfigError.clip(profile.name))' sets \(key) = \(ConfigError.clip(own.value)), but its sso-session says \(ConfigError.clip(value))",
                        location: own.origin.location ?? profile.location, fix: "remove \(key) from the profile")
                }
            }
            return session
        }
        let missing = ["sso_start_url", "sso_region"].filter { profile.settings[$0] == nil }
        guard missing.isEmpty, let startURL = profile.settings["sso_start_url"], let region = profile.settings["sso_region"] else {
            throw .incompleteConfig(
                what: "profile '\(ConfigError.clip(profile.name))' uses IAM Identity Center but lacks \(missing.joined(separator: " and "))",
                location: profile.location,
                fix: "add them, or move them into an [sso-session NAME] section and set sso_session = NAME")
        }
        try validate(startURL: startURL.value, region: region.value, at: startURL.origin.location)
        // Legacy profiles get the default scope too, so that they can refresh.
        return SSOSession(
            name: nil, startURL: startURL.value, region: region.value, registrationScopes: SSOSession.defaultScopes,
            location: startURL.origin.location)
    }

    /// An `[sso-session NAME]` section (`vault sso login --sso-session NAME`).
    package static func named(_ name: String, file: ConfigFile, referencedAt: SourceLocation? = nil) throws(SSOError) -> SSOSession {
        guard let section = file.ssoSessions[name] else {
            throw .unknownSession(name: name, location: referencedAt, path: file.path)
        }
        let startURL = section.options["sso_start_url"]?.string
        let region = section.options["sso_region"]?.string
        guard let startURL, let region else {
            let missing = [startURL == nil ? "sso_start_url" : nil, region == nil ? "sso_region" : nil].compactMap { $0 }
            throw .incompleteConfig(
                what: "[sso-session \(ConfigError.clip(name))] lacks \(missing.joined(separator: " and "))", location: section.location,
                fix: "add e.g. sso_start_url = https://d-xxxxxxxxxx.awsapps.com/start and sso_region = us-east-1")
        }
        let startLocation = section.options["sso_start_url"]?.location
        try validate(startURL: startURL, region: region, at: startLocation)
        var scopes = SSOSession.defaultScopes
        if let raw = section.options["sso_registration_scopes"]?.string {
            // As the AWS CLI parses it: comma-separated, blanks dropped.
            scopes = raw.split(separator: ",").map { PythonText.strip(String($0)) }.filter { !$0.isEmpty }
        }
        return SSOSession(name: name, startURL: startURL, region: region, registrationScopes: scopes, location: startLocation)
    }

    /// The session, account and role GetRoleCredentials needs.
    package static func profile(_ profile: Profile, file: ConfigFile) throws(SSOError) -> SSOProfile {
        let session = try session(for: profile, file: file)
        let missing = ["sso_account_id", "sso_role_name"].filter { profile.settings[$0] == nil }
        guard missing.isEmpty, let account = profile["sso_account_id"], let role = profile["sso_role_name"] else {
            throw .incompleteConfig(
                what: "profile '\(ConfigError.clip(profile.name))' uses IAM Identity Center but lacks \(missing.joined(separator: " and "))",
                location: profile.location,
                fix: "add them (`vault sso populate --dry-run` lists the accounts and roles you can use)")
        }
        guard account.count == 12, account.allSatisfy(\.isASCIIDigit) else {
            throw .incompleteConfig(
                what: "sso_account_id = \(ConfigError.clip(account)) is not a 12-digit AWS account id",
                location: profile.settings["sso_account_id"]?.origin.location, fix: "fix it")
        }
        return SSOProfile(profile: profile.name, session: session, accountID: account, roleName: role)
    }

    /// Lower-case letters, digits and dashes: what goes into an endpoint's host name.
    static func isRegionName(_ region: String) -> Bool {
        !region.isEmpty && region.utf8.count <= 64
            && region.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7a) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2d }
    }

    private static func validate(startURL: String, region: String, at location: SourceLocation?) throws(SSOError) {
        guard let parts = URLParts(startURL), parts.scheme == "https" || parts.scheme == "http", !parts.hostname.isEmpty else {
            throw .incompleteConfig(
                what: "sso_start_url = \(ConfigError.clip(startURL)) is not a URL", location: location,
                fix: "use the AWS access portal URL, like https://d-xxxxxxxxxx.awsapps.com/start")
        }
        guard isRegionName(region) else {
            throw .incompleteConfig(
                what: "sso_region = \(ConfigError.clip(region)) is not a region name", location: location,
                fix: "use the Identity Center's region, like us-east-1")
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
