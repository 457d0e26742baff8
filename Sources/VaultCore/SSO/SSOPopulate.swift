#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `vault sso populate`: a profile for every account and role a person can
/// reach through one `[sso-session]`, appended to the AWS config. Profiles
/// that exist (by name, or by the same session, account and role under
/// another name) are left alone.
package struct SSOPopulate {
    package struct Request: Sendable {
        package var sessionName: String?
        package var prefix: String
        package var region: String?
        package var dryRun: Bool
        package var openBrowser: Bool

        package init(sessionName: String?, prefix: String = "", region: String? = nil, dryRun: Bool = false, openBrowser: Bool = true) {
            self.sessionName = sessionName
            self.prefix = prefix
            self.region = region
            self.dryRun = dryRun
            self.openBrowser = openBrowser
        }
    }

    /// One account/role pair found.
    package struct Assignment: Sendable, Equatable {
        package var account: SSOPortalClient.Account
        package var role: String
    }

    /// What happened: the new profiles, those skipped and why, and (dry run) the diff.
    package struct Outcome: Sendable {
        package var added: [String] = []
        package var skipped: [(profile: String, reason: String)] = []
        package var diff: String?
    }

    let settings: Settings
    let transport: HTTPTransport

    package init(settings: Settings, transport: HTTPTransport) {
        self.settings = settings
        self.transport = transport
    }

    package func run(_ request: Request) throws -> Outcome {
        let file = try settings.loadConfig()
        let session = try Self.chooseSession(request.sessionName, file: file)
        let tokens = try SSOTokenProvider(
            session: session, settings: settings, transport: transport,
            options: SSOSignInOptions(allowSignIn: true, openBrowser: request.openBrowser))
        let token = try tokens.validToken()
        let portal = try SSOPortalClient(region: session.region, settings: settings, transport: transport)
        var assignments: [Assignment] = []
        do {
            for account in try portal.accounts(accessToken: token.accessToken) {
                for role in try portal.roles(account: account.id, accessToken: token.accessToken) {
                    assignments.append(Assignment(account: account, role: role))
                }
            }
        } catch let failure as SSOFailure where failure.code == "UnauthorizedException" {
            throw SSOError.tokenRejected(session: session.displayName, operation: failure.operation, command: session.loginCommand(profile: nil))
        }

        var outcome = Outcome()
        let path = settings.configFilePath
        let render = { (current: String) throws -> String? in
            // Computed from the file as it is under the lock, not as it was read above.
            let now = try ConfigFile.parse(Data(current.utf8), path: path)
            let (text, added, skipped) = Self.profiles(assignments, session: session, request: request, existing: now)
            outcome.added = added
            outcome.skipped = skipped
            return text
        }
        if request.dryRun {
            let current = (try? String(contentsOfFile: ConfigAppend.resolved(path), encoding: .utf8)) ?? ""
            if let text = try render(current) { outcome.diff = Self.diff(path: path, current: current, addition: text) }
        } else {
            try ConfigAppend.append(to: path, settings: settings, render)
        }
        return outcome
    }

    /// `--sso-session NAME`, else the config's only `[sso-session]`.
    static func chooseSession(_ name: String?, file: ConfigFile) throws(SSOError) -> SSOSession {
        if let name { return try SSOConfig.named(name, file: file) }
        let names = Array(file.ssoSessions.keys)
        guard names.count == 1 else {
            throw .incompleteConfig(
                what: names.isEmpty ? "\(file.path) has no [sso-session NAME] section" : "\(file.path) has \(names.count) sso-sessions (\(names.map { ConfigError.clip($0) }.joined(separator: ", ")))",
                location: nil,
                fix: names.isEmpty ? "add one with sso_start_url and sso_region" : "choose one with --sso-session NAME")
        }
        return try SSOConfig.named(names[0], file: file)
    }

    /// The text to append, the names added and the pairs skipped.
    static func profiles(_ assignments: [Assignment], session: SSOSession, request: Request, existing: ConfigFile)
        -> (String?, [String], [(profile: String, reason: String)])
    {
        guard let sessionName = session.name else { return (nil, [], []) }
        var taken = Set(existing.profiles.keys)
        var configured: [String: String] = [:]  // "account/role" → profile that has it
        for (name, section) in existing.profiles where section.options["sso_session"]?.string == sessionName {
            if let account = section.options["sso_account_id"]?.string, let role = section.options["sso_role_name"]?.string {
                configured[account + "/" + role] = name
            }
        }
        var blocks: [String] = []
        var added: [String] = []
        var skipped: [(profile: String, reason: String)] = []
        for assignment in assignments {
            let account = assignment.account
            // Names and ids come from the network: anything that could break out of a config line is refused.
            guard account.id.count == 12, account.id.allSatisfy(\.isASCIIDigit), Self.isRoleName(assignment.role) else {
                skipped.append((SSOTokenProvider.printable(assignment.role), "unusable account id or role name from IAM Identity Center"))
                continue
            }
            var name = request.prefix + Self.nameFragment(account.name) + "-" + assignment.role
            if let already = configured[account.id + "/" + assignment.role] {
                skipped.append((already, "already set up for \(account.id)/\(assignment.role)"))
                continue
            }
            if taken.contains(name) {
                let alternative = name + "-" + account.id
                if taken.contains(alternative) || existing.profiles[name]?.options["sso_account_id"]?.string == account.id {
                    skipped.append((name, "a profile of that name exists"))
                    continue
                }
                name = alternative
            }
            taken.insert(name)
            var lines = ["[profile \(name)]", "sso_session = \(sessionName)", "sso_account_id = \(account.id)", "sso_role_name = \(assignment.role)"]
            if let region = request.region { lines.append("region = \(region)") }
            blocks.append(lines.joined(separator: "\n") + "\n")
            added.append(name)
        }
        guard !blocks.isEmpty else { return (nil, added, skipped) }
        let header = "\n# Added by `vault sso populate` from [sso-session \(sessionName)]\n"
        return (header + blocks.joined(separator: "\n"), added, skipped)
    }

    /// IAM's role-name characters: letters, digits and `+=,.@_-`.
    static func isRoleName(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 64 && text.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "+=,.@_-".unicodeScalars.contains($0)
        }
    }

    /// An account name as part of a profile name: letters, digits, `-_.`; anything else becomes `-`.
    static func nameFragment(_ text: String) -> String {
        let mapped = text.unicodeScalars.map { scalar -> Character in
            let ok = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
            return ok ? Character(scalar) : "-"
        }
        let collapsed = String(mapped).split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-")
        return collapsed.isEmpty ? "account" : collapsed
    }

    /// A unified diff that appends `addition` to `current` (`patch -p0` applies it).
    static func diff(path: String, current: String, addition: String) -> String {
        var old = current.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if old.last == "" { old.removeLast() }
        var new = addition.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if new.last == "" { new.removeLast() }
        var out = "--- \(path)\n+++ \(path)\n"
        if !current.isEmpty && !current.hasSuffix("\n"), let last = old.last {
            // The last line gains its newline: it is replaced.
            out += "@@ -\(old.count),1 +\(old.count),\(new.count + 1) @@\n-\(last)\n\\ No newline at end of file\n+\(last)\n"
        } else {
            out += "@@ -\(old.count),0 +\(old.count + 1),\(new.count) @@\n"
        }
        return out + new.map { "+" + $0 }.joined(separator: "\n") + "\n"
    }
}
