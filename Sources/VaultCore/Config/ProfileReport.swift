/// `vault config show`: a resolved profile, each value with where it came from.
package struct ProfileReport {
    package let profile: Profile

    package init(profile: Profile) {
        self.profile = profile
    }

    /// Settings that may hold a secret someone left in the config; shown masked.
    static let secretKeys: Set<String> = ["aws_secret_access_key", "aws_session_token", "aws_security_token"]

    private func shown(_ key: String, _ value: String) -> String {
        Self.secretKeys.contains(key) ? "****" : value
    }

    package func text() -> String {
        var out = "profile \(profile.name)"
        if let location = profile.location { out += "  (\(location))" }
        out += "\n"
        let width = (profile.settings.keys.map(\.count).max() ?? 0) + 2
        let valueWidth = min(60, (profile.settings.map { shown($0.key, $0.value.value).count }.max() ?? 0) + 2)
        for (key, setting) in profile.settings {
            let value = shown(key, setting.value)
            out += "  " + key.padding(width) + value.padding(valueWidth) + setting.origin.description + "\n"
        }
        out += "chain: " + profile.chainDescription + "\n"
        return out
    }

    package func json() -> String {
        let settings = profile.settings.map { key, setting in
            (key, JSONText.object([
                ("value", JSONText.quote(shown(key, setting.value))),
                ("from", JSONText.quote(setting.origin.description)),
            ], level: 2))
        }
        return JSONText.object([
            ("name", JSONText.quote(profile.name)),
            ("location", profile.location.map { JSONText.quote($0.description) } ?? "null"),
            ("settings", JSONText.object(settings, level: 1)),
            ("chain", "[" + profile.chain.map { JSONText.quote($0.name) }.joined(separator: ", ") + "]"),
            ("chain_description", JSONText.quote(profile.chainDescription)),
        ]) + "\n"
    }
}

extension String {
    /// Left-aligned in a column of `width` characters (at least one space after).
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
