/// Environment variables the shell integration reads.
extension Settings {
    /// `$SHELL`, the login shell, the last resort for `vault env`'s shell.
    package var loginShell: String? { self["SHELL"] }

    /// `VAULT_PROMPT_FORMAT` (%p profile, %r region, %t time left), default `%p %t`.
    package var promptFormat: String { environment["VAULT_PROMPT_FORMAT"] ?? "%p %t" }

    /// `AWS_MIN_TTL` in seconds (as aws-vault: `5m`, `300s`, `1h`, or seconds),
    /// default 5 minutes: credentials closer than this to expiry are refreshed.
    package var shellMinimumTTL: Int {
        self["AWS_MIN_TTL"].flatMap(Self.parseSeconds) ?? 300
    }

    /// `90`, `90s`, `15m`, `1h`, `1h30m` → seconds.
    package static func parseSeconds(_ text: String) -> Int? {
        if let plain = Int(text) { return plain }
        var total = 0
        var number = ""
        for c in text {
            if c.isASCII, c.isNumber { number.append(c); continue }
            guard let n = Int(number) else { return nil }
            switch c {
            case "h": total += n * 3600
            case "m": total += n * 60
            case "s": total += n
            default: return nil
            }
            number = ""
        }
        return number.isEmpty ? total : nil
    }

    /// The current session as `vault env` exported it.
    package var activeProfile: String? { self["AWS_VAULT"] }
    package var activeOrigin: String? { self["VAULT_ORIGIN"] }
    package var activeExpiration: String? { self["AWS_CREDENTIAL_EXPIRATION"] }
    package var activeRegion: String? { self["AWS_REGION"] }
    /// `SHELL:PID` of the shell whose rc file ran `vault hook`.
    package var hookMarker: String? { self["VAULT_HOOK"] }
}

extension Settings {
    /// These settings less the variables an active vault session set: what
    /// the environment was before it, as far as vault can know.
    package var withoutActiveSession: Settings {
        guard activeProfile != nil else { return self }
        var environment = self.environment
        for name in ShellSession.saved { environment[name] = nil }
        return Settings(environment: environment)
    }
}
