/// The stores vault can keep keys in; `aws-vault-file` is read (and emptied) only.
package enum KeyringBackend: String, CaseIterable, Sendable {
    case secretService = "secret-service"
    case file
    case pass
    case awsVaultFile = "aws-vault-file"

    /// For messages: "secret-service, file, pass or aws-vault-file".
    package static var names: String {
        allCases.dropLast().map(\.rawValue).joined(separator: ", ") + " or " + allCases.last!.rawValue
    }
}

/// How the person asked for a store: `--backend`, `--secret-service-collection`.
package struct KeyringChoice: Equatable, Sendable {
    package var backend: String?
    package var collection: String?

    package init(backend: String? = nil, collection: String? = nil) {
        self.backend = backend
        self.collection = collection
    }
}

/// Opens the store a command works on.
package enum KeyringOpener {
    /// The chosen backend: `--backend`, else `AWS_VAULT_BACKEND`, else
    /// `secret-service` when a Secret Service answers on the session bus,
    /// else `file`.
    package static func open(_ choice: KeyringChoice, settings: Settings) throws -> any Keyring {
        let collection = choice.collection ?? settings.secretServiceCollectionName
        if let name = choice.backend ?? settings.keyringBackend {
            guard let backend = KeyringBackend(rawValue: name) else { throw KeyringError.unknownBackend(name) }
            switch backend {
            case .file:
                return try fileKeyring(settings: settings)
            case .pass:
                return try PassKeyring(settings: settings)
            case .awsVaultFile:
                return awsVaultFileKeyring(settings: settings)
            case .secretService:
                guard let address = settings.sessionBusAddress else { throw KeyringError.noSessionBus }
                let keyring = SecretServiceKeyring(
                collectionName: collection, busAddress: address, promptTimeout: try settings.secretServicePromptTimeout(), canShowDialogs: settings.hasDisplay)
                try keyring.connect()
                Debug.log("store", "Secret Service, collection '\(collection ?? "awsvault or the default")'")
                return keyring
            }
        }
        if let address = settings.sessionBusAddress {
            let keyring = SecretServiceKeyring(
                collectionName: collection, busAddress: address, promptTimeout: try settings.secretServicePromptTimeout(), canShowDialogs: settings.hasDisplay)
            if (try? keyring.connect()) != nil {
                Debug.log("store", "Secret Service, collection '\(collection ?? "awsvault or the default")'")
                return keyring
            }
        }
        return try fileKeyring(settings: settings)
    }

    /// The file store, asking for its passphrase on the terminal when
    /// `AWS_VAULT_FILE_PASSPHRASE` is unset.
    package static func fileKeyring(settings: Settings) throws -> FileKeyring {
        let directory = settings.fileStoreDirectory
        try refuseSharedFolder(directory, settings: settings)
        Debug.log("store", "file store at \(directory)")
        return FileKeyring(
            directory: directory, passphrase: settings.fileStorePassphrase,
            unlockTTL: try settings.fileStoreUnlockTTL(), prompt: terminalPrompt(directory: directory))
    }

    /// aws-vault's file store (`AWS_VAULT_FILE_DIR`), asking for its passphrase
    /// on the terminal when `AWS_VAULT_FILE_PASSPHRASE` is unset.
    package static func awsVaultFileKeyring(settings: Settings) -> AWSVaultFileKeyring {
        let directory = settings.awsVaultFileDirectory
        return AWSVaultFileKeyring(directory: directory, passphrase: settings.fileStorePassphrase) {
            try Terminal.open().ask("Enter the passphrase to unlock aws-vault's file store at \(directory): ", hidden: true)
        }
    }

    /// vault's format never goes into a folder that holds aws-vault's, nor
    /// into AWS_VAULT_FILE_DIR when VAULT_FILE_DIR is unset (README, "Stores").
    static func refuseSharedFolder(_ directory: String, settings: Settings) throws {
        if settings.fileStoreDirectoryVariable == nil, let legacy = settings.awsVaultFileDirectoryVariable,
           try StoreFolder.format(of: legacy) == .vault {
            throw KeyringError.fileDirectoryMoved(legacy)
        }
        if try StoreFolder.format(of: directory) == .awsVault {
            throw KeyringError.otherFormat(directory: directory, holds: .awsVault)
        }
    }

    /// Forgets the file store's unlock key (`vault lock`); needs neither the
    /// passphrase nor a valid AWS_VAULT_FILE_UNLOCK_TTL. False when none was kept.
    @discardableResult
    package static func lockFileStore(settings: Settings) throws -> Bool {
        let directory = settings.fileStoreDirectory
        return try FileKeyring(directory: directory, passphrase: nil, unlockTTL: 0, prompt: terminalPrompt(directory: directory)).lock()
    }

    /// Asks on /dev/tty, twice when the store is being created.
    static func terminalPrompt(directory: String) -> FileKeyring.PassphrasePrompt {
        { creating in
            let terminal = try Terminal.open()
            guard creating else {
                return try terminal.ask("Enter the passphrase for the file store at \(directory): ", hidden: true)
            }
            let first = try terminal.ask("Choose a passphrase for the new file store at \(directory): ", hidden: true)
            let second = try terminal.ask("Enter it again: ", hidden: true)
            guard first == second else { throw KeyringError.passphraseMismatch }
            return first
        }
    }
}
