import VaultCore

/// A command's optional profile argument: named, else `AWS_PROFILE`, else
/// the picker on the terminal (with the store's sessions shown).
enum ProfileArgument {
    static func resolve(_ given: String?, settings: Settings, store: KeyringChoice, command: String) throws -> String {
        try ProfileChoice.resolve(given, settings: settings, command: command) {
            try SessionCache(keyring: KeyringOpener.open(store, settings: settings), minimumTTL: 0).sessions()
        }
    }
}
