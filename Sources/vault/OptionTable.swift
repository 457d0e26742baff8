import ArgumentParser

/// One vault option as written once: its names, whether it takes a value,
/// and its help. ArgumentParser's `CredentialOptions` and `StoreOptions`,
/// the hot path (`HotArguments`) and `exec`'s splitter all read these, so a
/// new flag is added in one place and they cannot disagree.
struct OptionSpec: Sendable {
    /// Without the dashes: `duration`.
    let long: String
    let short: Character?
    let takesValue: Bool
    let help: String
    let valueName: String?

    init(_ long: String, short: Character? = nil, takesValue: Bool = true, valueName: String? = nil, help: String) {
        self.long = long
        self.short = short
        self.takesValue = takesValue
        self.help = help
        self.valueName = valueName
    }

    var longName: String { "--" + long }
    var shortName: String? { short.map { "-" + String($0) } }

    /// For `@Option(name:)` / `@Flag(name:)`.
    var names: NameSpecification {
        NameSpecification((short.map { [.customShort($0)] } ?? []) + [.customLong(long)])
    }

    var argumentHelp: ArgumentHelp { ArgumentHelp(help, valueName: valueName) }
}

enum OptionTable {
    static let duration = OptionSpec(
        "duration", short: "d", valueName: "duration", help: "How long the credentials last, e.g. 1h or 45m.")
    static let noSession = OptionSpec(
        "no-session", short: "n", takesValue: false,
        help: "Skip GetSessionToken: use the stored keys directly (or assume the role from them).")
    static let mfaToken = OptionSpec("mfa-token", short: "t", valueName: "code", help: "The MFA code, instead of asking.")
    static let region = OptionSpec("region", help: "The region to export, over the profile's.")
    static let prompt = OptionSpec(
        "prompt", valueName: "driver",
        help: "How to ask for an MFA code: terminal, ykman, zenity or kdialog (env AWS_VAULT_PROMPT; default: the terminal, else a dialog).")
    /// Every command that issues credentials takes these.
    static let credential = [duration, noSession, mfaToken, region, prompt]

    static let backend = OptionSpec(
        "backend", valueName: "backend",
        help: "Store to use: secret-service, file, pass or aws-vault-file (read only) (default: secret-service when one answers on the session bus, else file; env AWS_VAULT_BACKEND).")
    static let secretServiceCollection = OptionSpec(
        "secret-service-collection", valueName: "name",
        help: "Secret Service collection to use (created if missing; env AWS_VAULT_SECRET_SERVICE_COLLECTION_NAME).")
    /// Every command that opens the store takes these.
    static let store = [backend, secretServiceCollection]

    /// The long name a word stands for (`-d` → `--duration`), else the word.
    static func longName(_ word: String) -> String {
        guard word.count == 2, word.hasPrefix("-") else { return word }
        for option in credential + store where option.shortName == word { return option.longName }
        return word
    }
}
