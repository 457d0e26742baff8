#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The work behind `vault env`, `vault hook-apply` and `vault status`: plain
/// functions from inputs to a script, testable without a terminal.
package struct ShellIntegration {
    package let settings: Settings
    package let shell: any Shell
    package let issuer: any ShellCredentialIssuer
    package var now: () -> Int = { Int(Date().timeIntervalSince1970) }
    package var uptime: () -> Int? = ProcessInfoReader.uptime

    package init(settings: Settings, shell: any Shell, issuer: any ShellCredentialIssuer) {
        self.settings = settings
        self.shell = shell
        self.issuer = issuer
    }

    /// The script that sets `request.profile`'s credentials; throws before
    /// anything is printed when they cannot be had.
    package func activate(_ request: CredentialRequest, origin: String) throws -> String {
        let issued = try issuer.issue(request)
        let session = ShellSession(
            profile: issued.profileName, region: issued.region, origin: origin,
            expiration: issued.credentials.expiration.map { Int($0.timeIntervalSince1970) },
            minimumTTL: settings.shellMinimumTTL, duration: request.duration.map { Int($0) }, noSession: request.noSession,
            uptime: uptime(), now: now())
        let changes = issued.environmentChanges
        return shell.activate(changes, session: session)
    }

    package func deactivate() -> String {
        shell.deactivate()
    }

    /// What the hook knows when it calls vault.
    package struct HookState: Sendable {
        package var rcPath: String
        /// `""` (no session), `env`, or the path of the `.vaultrc` in use.
        package var origin: String
        package var profile: String
        package var region: String
        package var duration: Int?
        package var noSession: Bool
        /// Only the clock moved: refresh the active session as it is.
        package var refreshOnly: Bool
        /// The shell's pid, naming its `seen/` stamp (`HookStamp`); 0: none.
        package var shellPID: Int32 = 0

        package init(rcPath: String, origin: String, profile: String, region: String, duration: Int?, noSession: Bool, refreshOnly: Bool) {
            self.rcPath = rcPath
            self.origin = origin
            self.profile = profile
            self.region = region
            self.duration = duration
            self.noSession = noSession
            self.refreshOnly = refreshOnly
        }
    }

    /// Decides what changes at this prompt: apply a trusted `.vaultrc`, switch,
    /// restore on leaving, or refresh; untrusted files are reported in
    /// `messages` (one line each) and change nothing.
    package func hookApply(_ state: HookState, messages: inout [String]) throws -> String {
        let active = !state.origin.isEmpty
        if state.refreshOnly, state.origin == "env" {
            return try refreshEnv(state)
        }
        var target: RCFile?
        // Tells the hook which allow-list entry to watch while this file is in use.
        var watch = ""
        if !state.rcPath.isEmpty {
            // The path as the shell sees it: trust is never borrowed through a symlink.
            let path = LexicalPath.clean(state.rcPath)
            let trust = TrustStore(settings: settings)
            // One read: the bytes whose trust is decided are the bytes parsed.
            let inspection = try trust.inspect(path)
            // Before any slow work, so that an interrupted run is not started again.
            if let file = inspection.file { trust.stamp(shell: state.shellPID, info: file.info) } else { trust.stamp(shell: state.shellPID, path: path) }
            let parsed = inspection.file.map { file in Result { () throws(ShellError) in try RCFile.parse(file.bytes, path: path) } }
            switch (inspection.status, parsed) {
            case (.allowed, .success(let rc)?):
                target = rc
                watch = try inspection.file.map { file throws(ShellError) in shell.setLocal("__vault_allowfile", try trust.allowEntry(for: file)) } ?? ""
            case (.notAllowed, .success(let rc)?):
                messages.append(ShellError.notAllowed(path: path, profile: rc.profile).message)
            case (.allowed, .failure(let error)?), (.notAllowed, .failure(let error)?):
                messages.append(error.message)
            case (.allowed, nil), (.notAllowed, nil):
                messages.append(ShellError.rcUnreadable(path: path, reason: "it changed while it was read").message)
            case (.denied, _):
                messages.append(ShellError.denied(path: path).message)
            case (.refused(let error), _):
                messages.append(error.message)
            }
        }
        if let target {
            let same = state.origin == target.path && state.profile == target.profile && state.region == (target.region ?? state.region)
            if same && !state.refreshOnly && !refreshDue() { return watch }
            do {
                return try activate(CredentialRequest(profileName: target.profile, region: target.region, ssoSignIn: false, cacheProcessResults: false), origin: target.path) + watch
            } catch where active && state.origin != "env" && state.origin != target.path {
                // Moved out of another .vaultrc's tree: its credentials go even
                // though this one's could not be had.
                messages.append((error as? any VaultError)?.message ?? "\(error)")
                return deactivate()
            }
        }
        if active && state.origin != "env" {
            return deactivate()
        }
        if state.origin == "env" && refreshDue() {
            return try refreshEnv(state)
        }
        return ""
    }

    private func refreshEnv(_ state: HookState) throws -> String {
        try activate(CredentialRequest(profileName: state.profile, duration: state.duration.map(Double.init),
                                       noSession: state.noSession, region: state.region.isEmpty ? nil : state.region,
                                       ssoSignIn: false, cacheProcessResults: false), origin: "env")
    }

    /// True when the exported credentials expire within the minimum TTL.
    func refreshDue() -> Bool {
        guard let stamp = settings.activeExpiration, let expiry = RFC3339.date(from: stamp) else { return false }
        return Int(expiry.timeIntervalSince1970) - settings.shellMinimumTTL <= now()
    }
}

/// `vault status`: what this shell has, from its exported variables.
package struct ShellStatus {
    package static func report(settings: Settings, parentPID: Int32, now: Int) -> String {
        var lines: [String] = []
        if let profile = settings.activeVaultProfile {
            lines.append("profile: \(profile)" + (settings.activeRegion.map { " (region \($0))" } ?? ""))
            let origin = settings.activeOrigin
            lines.append("from: " + (origin == nil || origin == "env" ? "vault env" : origin!))
            if let stamp = settings.activeExpiration, let expiry = RFC3339.date(from: stamp) {
                let left = PromptSegment.timeLeft(expiration: Int(expiry.timeIntervalSince1970), minimumTTL: settings.shellMinimumTTL, now: now)
                lines.append("expires: \(stamp) (\(left == "expired" ? "expired" : left + " left"))")
            } else {
                lines.append("expires: never (long-term keys)")
            }
        } else {
            lines.append("profile: none")
        }
        var hook = "not installed in this shell (add: eval \"$(vault hook bash)\", or "
            + ShellKind.allCases.dropFirst().map(\.rawValue).joined(separator: "/") + ")"
        if let shell = settings.installedHookShell(parentPID: parentPID) { hook = "installed (\(shell))" }
        lines.append("hook: " + hook)
        // Every line quotes the environment: shown with control characters escaped.
        return lines.map(TerminalText.line).joined(separator: "\n") + "\n"
    }
}
