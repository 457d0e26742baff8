import ArgumentParser
import VaultCore

extension Vault {
    struct Deny: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "deny",
            abstract: "Stop trusting the .vaultrc in DIR (default: the current folder or the nearest above it).")

        @Argument(help: "A folder, or a .vaultrc file.", completion: .directory)
        var path: String?

        func run() throws {
            let settings = Settings.process()
            try TrustStore(settings: settings).deny(try RCFileLocator.locate(path, settings: settings))
        }
    }
}
