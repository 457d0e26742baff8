import ArgumentParser
import VaultCore

/// Where credentials are kept: shared by every command that opens the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Store to use: secret-service, file, pass or aws-vault-file (read only) (default: secret-service when one answers on the session bus, else file; env AWS_VAULT_BACKEND).",
        valueName: "backend"), completion: .list(KeyringBackend.allCases.map(\.rawValue)))
    var backend: String?

    @Option(name: .customLong("secret-service-collection"), help: ArgumentHelp(
        "Secret Service collection to use (created if missing; env AWS_VAULT_SECRET_SERVICE_COLLECTION_NAME).",
        valueName: "name"))
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
