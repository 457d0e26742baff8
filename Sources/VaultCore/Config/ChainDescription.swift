extension Profile {
    /// The credential chain in words, target first:
    /// `myrole1: assume arn:…:role/r1 (MFA arn:…:mfa/user) ← classmethod: stored keys`.
    package var chainDescription: String {
        chain.map { profile in
            "\(profile.name): " + profile.stepDescription
        }.joined(separator: " ← ")
    }

    private var stepDescription: String {
        if let process = credentialProcess { return "credential_process \(ConfigError.clip(process))" }
        var words: [String] = []
        if let role = roleARN {
            words.append("assume \(role)")
            if let external = externalID, !external.isEmpty { words.append("(external id)") }
        }
        if source == nil { words.append(roleARN == nil ? "stored keys" : "from stored keys") }
        if let mfa = mfaSerial, source == nil || roleARN != nil { words.append("(MFA \(mfa))") }
        return words.joined(separator: " ")
    }
}
