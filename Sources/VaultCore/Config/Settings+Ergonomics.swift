extension Settings {
    /// `VAULT_DEBUG`: 1 (or true, yes) turns `--debug` on.
    package var debug: Bool {
        guard let value = self["VAULT_DEBUG"]?.lowercased() else { return false }
        return ["1", "true", "yes", "on"].contains(value)
    }
}

extension Settings {
    /// `AWS_PROFILE`: the profile when a command names none.
    package var awsProfile: String? { self["AWS_PROFILE"] }
}
