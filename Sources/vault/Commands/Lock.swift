import ArgumentParser
import VaultCore

extension Vault {
    struct Lock: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lock",
            abstract: "Forget the file store's unlock key now (the next command asks for the passphrase).")

        func run() throws {
            try KeyringOpener.lockFileStore(settings: Settings.process())
        }
    }
}
