import ArgumentParser
import VaultCore

/// Options shared by every command that issues credentials.
struct CredentialOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("How long the credentials last, e.g. 1h or 45m.", valueName: "duration"))
    var duration: String?

    @Flag(name: .shortAndLong, help: "Skip GetSessionToken: use the stored keys directly (or assume the role from them).")
    var noSession = false

    @Option(name: [.customShort("t"), .long], help: ArgumentHelp("The MFA code, instead of asking.", valueName: "code"))
    var mfaToken: String?

    @Option(help: "The region to export, over the profile's.")
    var region: String?

    @Option(help: ArgumentHelp(
        "How to ask for an MFA code: terminal, ykman, zenity or kdialog (env AWS_VAULT_PROMPT; default: the terminal, else a dialog).",
        valueName: "driver"))
    var prompt: String?

    var arguments: CredentialArguments {
        CredentialArguments(duration: duration, noSession: noSession, mfaToken: mfaToken, region: region, prompt: prompt)
    }

    func request(profile: String) throws -> CredentialRequest {
        try arguments.request(profile: profile)
    }
}

extension CredentialOptions {
    /// Takes every option `other` sets.
    mutating func merge(_ other: CredentialOptions) {
        duration = other.duration ?? duration
        noSession = noSession || other.noSession
        mfaToken = other.mfaToken ?? mfaToken
        region = other.region ?? region
        prompt = other.prompt ?? prompt
    }
}

/// `CredentialOptions` as plain values, as the hot path (`HotArguments`) parses them.
struct CredentialArguments: Equatable {
    var duration: String?
    var noSession = false
    var mfaToken: String?
    var region: String?
    var prompt: String?

    func request(profile: String) throws -> CredentialRequest {
        var seconds: Double?
        if let duration {
            guard let parsed = DurationText.parse(duration), parsed > 0 else { throw CredentialError.invalidDuration(duration) }
            seconds = parsed
        }
        return CredentialRequest(
            profileName: profile, duration: seconds, noSession: noSession, mfaToken: mfaToken, region: region, prompt: prompt)
    }
}
