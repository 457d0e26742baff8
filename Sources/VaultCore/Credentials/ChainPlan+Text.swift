/// A `ChainPlan` in words (`config show`, `doctor`) and as JSON (`config show --json`).
extension ChainPlan {
    /// One line, first call first:
    /// `stored keys of 'a' → GetSessionToken 8h (MFA …) → AssumeRole arn:… 1h`.
    package var summary: String {
        ([Self.words(source)] + steps.map(\.words)).joined(separator: " → ")
    }

    /// A word for `vault list`: `sso`, `keys`, `credential_process`, with ` + role` when one is assumed on top.
    package var kind: String {
        let base: String
        switch source {
        case .storedKeys: base = "keys"
        case .credentialProcess: base = "credential_process"
        case .sso: base = "sso"
        case .webIdentity: base = "web_identity"
        case .metadata(_, let source): base = "credential_source " + source.rawValue
        }
        let role = steps.contains { if case .assumeRole = $0 { true } else { false } }
        return role ? base + " + role" : base
    }

    /// One line per call, numbered, for `config show`.
    package var lines: [String] {
        var out = ["1. " + Self.words(source)]
        for (index, step) in steps.enumerated() {
            out.append("\(index + 2). " + step.words + " [profile \(step.profile.name)]")
            if case .assumeRole(let role) = step, let differs = role.awsCLIDiffers { out.append("   note: " + differs) }
        }
        return out + remarks.map { "note: " + $0 }
    }

    static func words(_ source: CredentialSource) -> String {
        switch source {
        case .storedKeys(let profile): "stored keys of '\(profile.name)'"
        case .credentialProcess(let profile, let command): "credential_process of '\(profile.name)' (\(ConfigError.clip(command)))"
        case .webIdentity(let profile, let web):
            "AssumeRoleWithWebIdentity \(web.roleARN) \(web.durationSeconds)s with the token in \(web.tokenFile) (web_identity_token_file of '\(profile.name)')"
        case .metadata(let profile, let source):
            "credential_source \(source.rawValue) of '\(profile.name)': \(source.words)"
        case .sso(let profile, let sso):
            "IAM Identity Center GetRoleCredentials \(sso.accountID)/\(ConfigError.clip(sso.roleName)) of '\(profile.name)' (\(sso.session.displayName))"
        }
    }

    package func json(level: Int) -> String {
        let sourceJSON: String
        switch source {
        case .storedKeys(let profile):
            sourceJSON = JSONText.object([("kind", JSONText.quote("stored_keys")), ("profile", JSONText.quote(profile.name))], level: level + 1)
        case .credentialProcess(let profile, let command):
            sourceJSON = JSONText.object([
                ("kind", JSONText.quote("credential_process")), ("profile", JSONText.quote(profile.name)),
                ("command", JSONText.quote(command)),
            ], level: level + 1)
        case .webIdentity(let profile, let web):
            sourceJSON = JSONText.object([
                ("kind", JSONText.quote("web_identity")), ("profile", JSONText.quote(profile.name)),
                ("role_arn", JSONText.quote(web.roleARN)), ("role_session_name", web.roleSessionName.map(JSONText.quote) ?? "null"),
                ("duration_seconds", String(web.durationSeconds)), ("web_identity_token_file", JSONText.quote(web.tokenFile)),
            ], level: level + 1)
        case .metadata(let profile, let source):
            sourceJSON = JSONText.object([
                ("kind", JSONText.quote("credential_source")), ("profile", JSONText.quote(profile.name)),
                ("credential_source", JSONText.quote(source.rawValue)),
            ], level: level + 1)
        case .sso(let profile, let sso):
            sourceJSON = JSONText.object([
                ("kind", JSONText.quote("sso")), ("profile", JSONText.quote(profile.name)),
                ("call", JSONText.quote("GetRoleCredentials")), ("account_id", JSONText.quote(sso.accountID)),
                ("role_name", JSONText.quote(sso.roleName)), ("sso_session", sso.session.name.map(JSONText.quote) ?? "null"),
                ("start_url", JSONText.quote(sso.session.startURL)), ("sso_region", JSONText.quote(sso.session.region)),
            ], level: level + 1)
        }
        let stepsJSON = steps.isEmpty ? "[]"
            : "[\n" + steps.map { String(repeating: "  ", count: level + 2) + $0.json(level: level + 2) }.joined(separator: ",\n")
                + "\n" + String(repeating: "  ", count: level + 1) + "]"
        return JSONText.object([
            ("source", sourceJSON), ("steps", stepsJSON),
            ("remarks", "[" + remarks.map(JSONText.quote).joined(separator: ", ") + "]"),
        ], level: level)
    }
}

extension ChainStep {
    var words: String {
        switch self {
        case .getSessionToken(let step):
            return "GetSessionToken \(step.durationSeconds)s" + (step.mfa.map { " (MFA \($0.serial))" } ?? "")
        case .assumeRole(let step):
            var text = "AssumeRole \(step.roleARN) \(step.durationSeconds)s"
            if let from = step.cappedFrom { text += " (capped from \(from)s)" }
            if let mfa = step.mfa { text += " (MFA \(mfa.serial))" }
            if step.externalID != nil { text += " (external id)" }
            return text
        }
    }

    func json(level: Int) -> String {
        func string(_ s: String?) -> String { s.map(JSONText.quote) ?? "null" }
        var members: [(String, String)]
        switch self {
        case .getSessionToken(let step):
            members = [("call", JSONText.quote("GetSessionToken")), ("profile", JSONText.quote(step.profile.name)),
                       ("duration_seconds", String(step.durationSeconds))]
        case .assumeRole(let step):
            members = [
                ("call", JSONText.quote("AssumeRole")), ("profile", JSONText.quote(step.profile.name)),
                ("role_arn", JSONText.quote(step.roleARN)), ("role_session_name", string(step.roleSessionName)),
                ("duration_seconds", String(step.durationSeconds)), ("capped_from", step.cappedFrom.map(String.init) ?? "null"),
                ("external_id", string(step.externalID)),
                ("session_tags", JSONText.object(step.tags.map { ($0.key, JSONText.quote($0.value)) }, level: level + 1)),
                ("transitive_session_tags", "[" + step.transitiveTagKeys.map(JSONText.quote).joined(separator: ", ") + "]"),
                ("source_identity", string(step.sourceIdentity)), ("aws_cli_differs", string(step.awsCLIDiffers)),
            ]
        }
        members.append(("mfa_serial", string(mfa?.serial)))
        members.append(("mfa_process", string(mfa?.process)))
        return JSONText.object(members, level: level)
    }
}
