import ArgumentParser
import VaultCore

/// Options shared by every command that issues credentials (names and help: `OptionTable`).
struct CredentialOptions: ParsableArguments {
    @Option(name: OptionTable.duration.names, help: OptionTable.duration.argumentHelp)
    var duration: String?

    @Flag(name: OptionTable.noSession.names, help: OptionTable.noSession.argumentHelp)
    var noSession = false

    @Option(name: OptionTable.mfaToken.names, help: OptionTable.mfaToken.argumentHelp)
    var mfaToken: String?

    @Option(name: OptionTable.region.names, help: OptionTable.region.argumentHelp)
    var region: String?

    @Option(name: OptionTable.prompt.names, help: OptionTable.prompt.argumentHelp)
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
