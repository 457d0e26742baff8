import ArgumentParser
import VaultCore

extension Vault {
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove a profile's keys and cached sessions from the keyring.",
            aliases: ["rm"])

        @Argument(help: "The profile's name.", completion: .profiles)
        var profile: String

        @Flag(name: .shortAndLong, help: "Do not ask for confirmation.")
        var force = false

        @OptionGroup var store: StoreOptions

        func run() throws {
            let settings = Settings.process()
            let credentials = CredentialStore(keyring: try store.open(settings))
            guard try credentials.has(profile) else { throw CredentialCommandError.noCredentials(profile) }
            if !force {
                let answer = try Terminal.open().ask("Delete credentials for profile \"\(profile)\"? (y|N) ", hidden: false)
                guard ["y", "yes"].contains(answer.lowercased()) else {
                    Output.standardError("Nothing removed.\n")
                    return
                }
            }
            try ManageCredentials.remove(profile: profile, store: credentials)
            Output.standardError("Removed credentials and sessions of profile \"\(profile)\".\n")
        }
    }
}
