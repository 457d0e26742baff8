import ArgumentParser
import VaultCore

extension Vault {
    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clear",
            abstract: "Remove cached sessions: all, or a profile's and its source chain's.")

        @Argument(help: "The profile (default: every session).", completion: .profiles)
        var profile: String?

        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let settings = Settings.process()
            let service = CredentialService(settings: settings, keyring: try storeOptions.open(settings))
            var profiles: Set<String>?
            if let profile {
                profiles = Set(try service.profile(profile).chain.map(\.name))
            }
            let removed = try service.cache().clear(profiles: profiles)
            Diagnostics.say("cleared \(removed) session\(removed == 1 ? "" : "s")")
        }
    }
}
