import ArgumentParser
import VaultCore

extension Vault {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List profiles, their stored credentials and cached sessions.",
            aliases: ["ls"])

        @Flag(help: "Print profile names only, one a line, in file order, without opening a store.")
        var profiles = false

        @Flag(help: "Print the cached sessions only: profile, kind, expiry, time left; one a line.")
        var sessions = false

        @Flag(help: "Print the profiles whose long-term keys are in the store, one a line.")
        var credentials = false

        @Flag(help: "Print JSON.")
        var json = false

        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let settings = Settings.process()
            if profiles {
                try Self.printProfileNames(configFile: settings.configFilePath)
                return
            }
            if sessions && credentials {
                throw ValidationError("--sessions and --credentials list different things; give one")
            }
            let keyring = try storeOptions.open(settings)
            if sessions {
                let found = try SessionCache(keyring: keyring, minimumTTL: 0).sessions()
                Output.standardOutput(json ? StoreListing.sessionsJSON(found) : StoreListing.sessionsText(found))
                return
            }
            if credentials {
                let found = try CredentialStore(keyring: keyring).profilesWithKeys()
                Output.standardOutput(json ? StoreListing.credentialsJSON(found) : StoreListing.credentialsText(found))
                return
            }
            let file = try settings.loadConfig()
            let listing = try ProfileListing.build(
                configProfiles: Array(file.profiles.keys), store: CredentialStore(keyring: keyring),
                cache: SessionCache(keyring: keyring, minimumTTL: 0)
            ) { name, hasStoredKeys in
                // A profile whose chain cannot be planned (incomplete SSO settings…) is listed all the same.
                let resolver = ProfileResolver(file: file, settings: settings)
                let target = try? resolver.resolve(name, knownElsewhere: file.profiles[name] == nil)
                return target.flatMap { try? ChainPlanner(settings: settings, options: .init(), hasStoredKeys: hasStoredKeys).plan(for: $0).kind }
            }
            Output.standardOutput(json ? listing.json() : listing.table())
        }

        /// `--profiles`: names from the config only, one a line, in file order.
        /// Also called straight from `main` (it runs on every Tab).
        static func printProfileNames(configFile path: String) throws {
            Output.standardOutput(bytes: try ConfigFile.profileNameListing(path: path))
        }
    }
}
