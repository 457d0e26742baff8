extension Settings {
    /// The AWS config this environment names (missing file: empty config).
    package func loadConfig() throws(ConfigError) -> ConfigFile {
        let file = try ConfigFile.load(path: configFilePath)
        Debug.log("config", "read \(configFilePath): \(file.profiles.count) profiles")
        return file
    }
}
