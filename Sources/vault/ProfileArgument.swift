import VaultCore

/// A command's optional profile argument: named, else `AWS_PROFILE`, else
/// the picker on the terminal (with the store's sessions shown).
enum ProfileArgument {
    static func resolve(_ given: String?, settings: Settings, store: KeyringChoice, command: String) throws -> String {
        try resolve(given, settings: settings, command: command) { try KeyringOpener.open(store, settings: settings) }
    }

    /// With the store the command has opened already.
    static func resolve(_ given: String?, settings: Settings, command: String, keyring: () throws -> any Keyring) throws -> String {
        try ProfileChoice.resolve(given, settings: settings, command: command) {
            try SessionCache(keyring: keyring(), minimumTTL: 0).sessions()
        }
    }
}
