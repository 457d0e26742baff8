import VaultCore

/// The commands run most often, as plain values: `export` (every AWS SDK
/// client runs it as `credential_process`), `env` and `hook-apply` (the
/// shell hook, at a prompt where something changed).
///
/// ArgumentParser builds its command tree by reflection, which costs about
/// 2 ms at every start (measured with perf: Mirror, generic metadata and
/// protocol-conformance lookups). `HotArguments` reads the plain forms of
/// these three commands directly; anything else — help, a mistake, a form
/// it does not know — goes to ArgumentParser as before. Both paths end in
/// `HotCommand.run`, and a test parses a corpus of argument lists both ways
/// and requires the same result wherever the hot path answers.
enum HotCommand: Equatable {
    case export(profile: String?, format: ExportFormat, credentials: CredentialArguments, store: KeyringChoice)
    case env(profile: String?, shell: String?, unset: Bool, credentials: CredentialArguments, store: KeyringChoice)
    case hookApply(shell: String, state: [String])

    func run() throws {
        switch self {
        case let .export(profile, format, credentials, store):
            try Vault.Export.run(profile: profile, format: format, credentials: credentials, store: store)
        case let .env(profile, shell, unset, credentials, store):
            try Vault.Env.run(profile: profile, shell: shell, unset: unset, credentials: credentials, store: store)
        case let .hookApply(shell, state):
            try Vault.HookApply.run(shell: shell, state: state)
        }
    }
}

enum HotArguments {
    /// The command, or nil when ArgumentParser must read these arguments.
    static func parse(_ arguments: [String]) -> HotCommand? {
        guard let name = arguments.first else { return nil }
        let words = arguments.dropFirst()
        switch name {
        case "export":
            guard let scanned = Scanned(words, options: credentialOptions + storeOptions + ["--format"], flags: credentialFlags),
                  scanned.positionals.count <= 1,
                  let format = ExportFormat(rawValue: scanned.value("--format") ?? ExportFormat.env.rawValue),
                  let store = scanned.store
            else { return nil }
            return .export(profile: scanned.positionals.first, format: format, credentials: scanned.credentials, store: store)
        case "env":
            guard let scanned = Scanned(words, options: credentialOptions + storeOptions + ["--shell"], flags: credentialFlags + ["--unset"]),
                  scanned.positionals.count <= 1,
                  let store = scanned.store
            else { return nil }
            let profile = scanned.positionals.first, unset = scanned.has("--unset")
            guard Vault.Env.problem(profile: profile, unset: unset) == nil else { return nil }
            return .env(profile: profile, shell: scanned.value("--shell"), unset: unset, credentials: scanned.credentials, store: store)
        case "hook-apply":
            // The hook passes `key=value` words: no option, every word has an `=`.
            guard let shell = words.first, !shell.hasPrefix("-"),
                  words.dropFirst().allSatisfy({ !$0.hasPrefix("-") && $0.contains("=") })
            else { return nil }
            return .hookApply(shell: shell, state: Array(words.dropFirst()))
        default:
            return nil
        }
    }

    private static let credentialOptions = OptionTable.credential.filter(\.takesValue).map(\.longName)
    private static let credentialFlags = OptionTable.credential.filter { !$0.takesValue }.map(\.longName)
    private static let storeOptions = OptionTable.store.map(\.longName)

    /// Words read as ArgumentParser reads them, for the forms it is sure of:
    /// `--name value`, `--name=value`, `-x value`, flags, positionals. A word
    /// that starts with `-` and is none of these, an option given twice, a
    /// value that starts with `-`, or `--name=` makes it give up (nil).
    private struct Scanned {
        var positionals: [String] = []
        /// Option and flag names with their values (a flag's is ""): a few
        /// pairs, searched in order (no hashing: a first Dictionary costs
        /// more than these lists ever will).
        var given: [(name: String, value: String)] = []

        func value(_ name: String) -> String? { given.first { $0.name == name }?.value }
        func has(_ name: String) -> Bool { given.contains { $0.name == name } }

        init?(_ words: ArraySlice<String>, options: [String], flags knownFlags: [String]) {
            var index = words.startIndex
            while index < words.endIndex {
                let word = words[index]
                index += 1
                guard word.hasPrefix("-") else {
                    positionals.append(word)
                    continue
                }
                var name = OptionTable.longName(word), value: String?
                if word.hasPrefix("--"), let equals = word.firstIndex(of: "=") {
                    name = String(word[..<equals])
                    value = String(word[word.index(after: equals)...])
                    guard options.contains(name), value != "" else { return nil }  // ArgumentParser refuses `--name=`
                }
                guard !has(name) else { return nil }
                if knownFlags.contains(name) {
                    given.append((name, ""))
                } else if options.contains(name) {
                    if value == nil, index < words.endIndex {
                        value = words[index]
                        index += 1
                    }
                    guard let value, !value.hasPrefix("-") else { return nil }
                    given.append((name, value))
                } else {
                    return nil
                }
            }
        }

        var credentials: CredentialArguments {
            CredentialArguments(
                duration: value(OptionTable.duration.longName), noSession: has(OptionTable.noSession.longName),
                mfaToken: value(OptionTable.mfaToken.longName), region: value(OptionTable.region.longName),
                prompt: value(OptionTable.prompt.longName))
        }

        /// The store asked for; nil for an unknown backend (ArgumentParser says so).
        var store: KeyringChoice? {
            let backend = value(OptionTable.backend.longName)
            if let backend, KeyringBackend(rawValue: backend) == nil { return nil }
            return KeyringChoice(backend: backend, collection: value(OptionTable.secretServiceCollection.longName))
        }
    }
}
