extension Settings {
    /// The AWS config this environment names (missing file: empty config).
    package func loadConfig() throws(ConfigError) -> ConfigFile {
        try ConfigFile.load(path: configFilePath)
    }
}

/// Profile names for listing and tab completion: read from the config only,
/// never from a keyring.
package enum ProfileNames {
    package static func list(settings: Settings) -> [String] {
        (try? settings.loadConfig().profiles.keys.elements) ?? []
    }
}
