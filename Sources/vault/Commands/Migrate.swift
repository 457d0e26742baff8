import ArgumentParser
import VaultCore

extension Vault {
    /// `vault migrate`: aws-vault's `migrate-backend`, with a read-back check
    /// before anything is removed (see `Migration`).
    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "migrate",
            abstract: "Copy (or with --delete, move) long-term keys from one store to another.",
            discussion: """
                Each copy is read back from the target before it counts; --delete removes a \
                profile's source keys only after that. Keys already in the target are kept: the \
                same keys are not written twice, different ones are never overwritten. Stopped \
                midway and run again, it ends in the same state with nothing lost.
                """)

        @Option(help: ArgumentHelp(
            "Store to copy from: \(KeyringBackend.names) (aws-vault's file store, AWS_VAULT_FILE_DIR).", valueName: "backend"),
            completion: .list(KeyringBackend.allCases.map(\.rawValue)))
        var from: String

        @Option(help: ArgumentHelp("Store to copy to: \(KeyringBackend.names).", valueName: "backend"),
            completion: .list(KeyringBackend.allCases.map(\.rawValue)))
        var to: String

        @Argument(help: "Profiles to move (default: every profile with keys in the source).", completion: .profiles)
        var profiles: [String] = []

        @Flag(help: "Remove each profile's keys from the source once the target holds them.")
        var delete = false

        @Flag(name: .customLong("dry-run"), help: "Print what would be copied and removed; change nothing.")
        var dryRun = false

        func validate() throws {
            for name in [from, to] where KeyringBackend(rawValue: name) == nil {
                throw ValidationError("unknown backend '\(name)'; use \(KeyringBackend.names)")
            }
        }

        func run() throws {
            let settings = Settings.process()
            guard from != to else { throw Migration.Failure.sameStore(from) }
            let source = CredentialStore(keyring: try KeyringOpener.open(KeyringChoice(backend: from), settings: settings))
            let target = CredentialStore(keyring: try KeyringOpener.open(KeyringChoice(backend: to), settings: settings))
            let failed = try Migration.run(
                profiles: profiles.isEmpty ? nil : profiles, from: source, named: from, to: target, named: to,
                delete: delete, dryRun: dryRun,
                report: { profile, step in Output.standardOutput(line(profile, step)) },
                fail: { Output.error($0.message) })
            if failed > 0 { throw Migration.Failure.incomplete(failed: failed) }
        }

        /// One line a step, written as it happens (a stopped run shows how far it got).
        private func line(_ profile: String, _ step: Migration.Step) -> String {
            let name = profile.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } ? "\(profile.debugDescription)" : profile
            return switch step {
            case .copied: "copied \(name) to \(to)\n"
            case .alreadyThere: "\(name) already in \(to)\n"
            case .removedFromSource: "removed \(name) from \(from)\n"
            case .wouldCopy: "would copy \(name) to \(to)\n"
            case .wouldRemoveFromSource: "would remove \(name) from \(from)\n"
            }
        }
    }
}
