/// The prompt segment: `prod-admin 42m`, `prod-admin 4m!` (under the minimum
/// TTL), `prod-admin expired`, or nothing. The hook's `vault_prompt_info`
/// computes the same in shell code; `vault prompt` uses this.
package struct PromptSegment: Sendable {
    package var profile: String
    package var region: String?
    package var expiration: Int?
    package var minimumTTL: Int
    package var format: String

    package init(profile: String, region: String?, expiration: Int?, minimumTTL: Int, format: String) {
        self.profile = profile
        self.region = region
        self.expiration = expiration
        self.minimumTTL = minimumTTL
        self.format = format
    }

    /// The segment for the session `settings` shows (`AWS_VAULT` and friends), if any.
    package init?(settings: Settings) {
        guard let profile = settings.activeVaultProfile else { return nil }
        let expiration = settings.activeExpiration.flatMap(RFC3339.date(from:)).map { Int($0.timeIntervalSince1970) }
        self.init(profile: profile, region: settings.activeRegion, expiration: expiration,
                  minimumTTL: settings.shellMinimumTTL, format: settings.promptFormat)
    }

    package static func timeLeft(expiration: Int?, minimumTTL: Int, now: Int) -> String {
        guard let expiration else { return "" }
        let left = expiration - now
        if left <= 0 { return "expired" }
        var text = left >= 3600 ? "\(left / 3600)h\(left % 3600 / 60)m" : left >= 60 ? "\(left / 60)m" : "\(left)s"
        if now >= expiration - minimumTTL { text += "!" }
        return text
    }

    /// The profile and region come from the environment (a `.vaultrc`, the
    /// config): shown with their control characters escaped.
    package func render(now: Int) -> String {
        var out = format.replacing("%p", with: TerminalText.line(profile))
        out = out.replacing("%r", with: TerminalText.line(region ?? ""))
        out = out.replacing("%t", with: Self.timeLeft(expiration: expiration, minimumTTL: minimumTTL, now: now))
        while out.hasSuffix(" ") { out.removeLast() }
        return out
    }
}
