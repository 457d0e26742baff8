/// `vault config show`: a resolved profile, each value with where it came
/// from, and the STS calls vault makes for it (the plan `exec` runs).
package struct ProfileReport {
    package let profile: Profile
    /// The calls, or why there are none (e.g. no keys stored yet): a report
    /// of the settings is still useful then.
    package let plan: Result<ChainPlan, any Error>

    package init(profile: Profile, plan: Result<ChainPlan, any Error>) {
        self.profile = profile
        self.plan = plan
    }

    private var planError: String? {
        guard case .failure(let error) = plan else { return nil }
        return (error as? any VaultError)?.message ?? String(describing: error)
    }

    /// Settings that may hold a secret someone left in the config; shown masked.
    package static let secretKeys: Set<String> = ["aws_secret_access_key", "aws_session_token", "aws_security_token"]

    package static func shown(_ key: String, _ value: String) -> String {
        secretKeys.contains(key.lowercased()) ? "****" : value
    }

    package func text() -> String {
        var out = "profile \(profile.name)"
        if let location = profile.location { out += "  (\(location))" }
        out += "\n"
        let width = (profile.settings.keys.map(\.count).max() ?? 0) + 2
        let valueWidth = min(60, (profile.settings.map { Self.shown($0.key, $0.value.value).count }.max() ?? 0) + 2)
        for (key, setting) in profile.settings {
            let value = Self.shown(key, setting.value)
            out += "  " + key.padding(width) + value.padding(valueWidth) + setting.origin.description + "\n"
        }
        switch plan {
        case .success(let plan):
            out += "chain (the calls vault makes):\n"
            for line in plan.lines { out += "  " + line + "\n" }
        case .failure:
            out += "chain: none: \(planError ?? "")\n"
        }
        return out
    }

    package func json() -> String {
        let settings = profile.settings.map { key, setting in
            (key, JSONText.object([
                ("value", JSONText.quote(Self.shown(key, setting.value))),
                ("from", JSONText.quote(setting.origin.description)),
            ], level: 2))
        }
        return JSONText.object([
            ("name", JSONText.quote(profile.name)),
            ("location", profile.location.map { JSONText.quote($0.description) } ?? "null"),
            ("settings", JSONText.object(settings, level: 1)),
            ("chain", "[" + profile.chain.map { JSONText.quote($0.name) }.joined(separator: ", ") + "]"),
            ("plan", (try? plan.get()).map { $0.json(level: 1) } ?? "null"),
            ("plan_error", planError.map(JSONText.quote) ?? "null"),
            ("chain_description", (try? plan.get()).map { JSONText.quote($0.summary) } ?? "null"),
        ]) + "\n"
    }
}

extension String {
    /// Left-aligned in a column of `width` characters (at least one space after).
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
