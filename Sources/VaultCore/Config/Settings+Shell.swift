/// Environment variables the shell integration reads.
extension Settings {
    /// `$SHELL`, the login shell, the last resort for `vault env`'s shell.
    package var loginShell: String? { self["SHELL"] }

    /// `VAULT_PROMPT_FORMAT` (%p profile, %r region, %t time left), default `%p %t`.
    package var promptFormat: String { environment["VAULT_PROMPT_FORMAT"] ?? "%p %t" }

    /// `AWS_MIN_TTL` in whole seconds (default 5 minutes; an unreadable value
    /// counts as the default here, `vault env` reports it): credentials
    /// closer than this to expiry are refreshed at the next prompt.
    package var shellMinimumTTL: Int {
        Int((try? minimumTTL()) ?? 300)
    }

    /// The current session as `vault env` exported it (its profile is
    /// `activeVaultProfile`, AWS_VAULT).
    package var activeOrigin: String? { self["VAULT_ORIGIN"] }
    package var activeExpiration: String? { self["AWS_CREDENTIAL_EXPIRATION"] }
    package var activeRegion: String? { self["AWS_REGION"] }
    /// `$PWD`: the working folder as the shell names it (symlinks kept).
    package var shellWorkingDirectory: String? { self["PWD"] }
    /// `SHELL:PID` of the shell whose rc file ran `vault hook`.
    package var hookMarker: String? { self["VAULT_HOOK"] }

    /// `GITHUB_ENV`: the file a GitHub Actions step appends variables to (`--shell gha`).
    package var githubEnvironmentFile: String? { self["GITHUB_ENV"] }
}

extension Settings {
    /// These settings less the variables an active vault session set: what
    /// the environment was before it, as far as vault can know.
    package var withoutActiveSession: Settings {
        guard activeVaultProfile != nil else { return self }
        var environment = self.environment
        for name in ShellSession.saved { environment[name] = nil }
        return Settings(environment: environment)
    }
}
