extension Settings {
    /// The AWS config this environment names (missing file: empty config).
    package func loadConfig() throws(ConfigError) -> ConfigFile {
        try ConfigFile.load(path: configFilePath)
    }
}
