import ArgumentParser
import VaultCore

extension Vault {
    struct Doctor: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "doctor",
            abstract: "Check the set-up: config, store, hook, completions, libraries, sessions, and a profile's chain and clock.",
            discussion: "One line per check, ✓ or ✗ with the fix. Exits non-zero when a check fails.")

        @Argument(help: "A profile to check too: its chain, its stored key, and the clock against STS.", completion: .profiles)
        var profile: String?

        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let doctor = VaultCore.Doctor(
                settings: .process(), choice: storeOptions.choice, parentPID: ProcessInfoReader.parent(ProcessInfoReader.currentPID))
            let checks = doctor.run(profile: profile)
            Output.standardOutput(checks.map(\.line).joined(separator: "\n") + "\n")
            let failed = checks.filter { !$0.ok }.count
            if failed > 0 { throw OpsError.checksFailed(count: failed) }
        }
    }
}
