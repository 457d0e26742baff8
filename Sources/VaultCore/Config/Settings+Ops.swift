#if canImport(Glibc)
import Glibc
#endif

/// The variables `vault login`, `vault rotate` and `vault doctor` read.
extension Settings {
    /// `VAULT_FEDERATION_ENDPOINT`: the federation endpoint to ask for a
    /// sign-in token and to build the login URL on, instead of the
    /// partition's (`https://signin.aws.amazon.com/federation`).
    package var federationEndpoint: String? { self["VAULT_FEDERATION_ENDPOINT"] }

    /// `BROWSER`: programs to open a URL with, `:`-separated; each may hold
    /// `%s` for the URL (else the URL is added as the last argument).
    package var browsers: [String] {
        (self["BROWSER"] ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
    }

    /// `PATH`, where programs such as `xdg-open` are looked up.
    package var searchPath: String { self["PATH"] ?? "/usr/local/bin:/usr/bin:/bin" }

    /// The executable `name` as the shell would find it on `PATH`, or nil.
    package func executable(_ name: String) -> String? {
        ProcessReplacement.candidates(name, searchPath: searchPath).first { access($0, X_OK) == 0 }
    }

    /// Keys from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and
    /// `AWS_SESSION_TOKEN` (or `AWS_SECURITY_TOKEN`): `vault login` without a profile.
    package var environmentCredentials: Credentials? {
        guard let id = self["AWS_ACCESS_KEY_ID"], let secret = self["AWS_SECRET_ACCESS_KEY"] else { return nil }
        return Credentials(accessKeyID: id, secretAccessKey: secret, sessionToken: self["AWS_SESSION_TOKEN"] ?? self["AWS_SECURITY_TOKEN"])
    }

    /// `XDG_CONFIG_HOME`, else `~/.config`.
    package var configHome: String { self["XDG_CONFIG_HOME"] ?? home + "/.config" }

    /// `XDG_DATA_DIRS`, else `/usr/local/share:/usr/share`: where system-wide
    /// completions live.
    package var dataDirectories: [String] {
        (self["XDG_DATA_DIRS"] ?? "/usr/local/share:/usr/share").split(separator: ":").map(String.init)
    }

    /// `BASH_COMPLETION_USER_DIR`, else `$XDG_DATA_HOME/bash-completion`.
    package var bashCompletionUserDirectory: String { self["BASH_COMPLETION_USER_DIR"] ?? dataHome + "/bash-completion" }
}
