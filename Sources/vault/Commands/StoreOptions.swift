import ArgumentParser
import VaultCore

/// Where credentials are kept: shared by every command that opens the store.
struct StoreOptions: ParsableArguments {
    @Option(name: OptionTable.backend.names, help: OptionTable.backend.argumentHelp,
            completion: .list(KeyringBackend.allCases.map(\.rawValue)))
    var backend: String?

    @Option(name: OptionTable.secretServiceCollection.names, help: OptionTable.secretServiceCollection.argumentHelp)
    var secretServiceCollection: String?

    var choice: KeyringChoice { KeyringChoice(backend: backend, collection: secretServiceCollection) }

    /// Opens the chosen store.
    func open(_ settings: Settings) throws -> any Keyring {
        try KeyringOpener.open(choice, settings: settings)
    }

    func validate() throws {
        if let backend, KeyringBackend(rawValue: backend) == nil {
            throw ValidationError("unknown backend '\(backend)'; use \(KeyringBackend.names)")
        }
    }
}
