import Foundation
import Testing
@testable import VaultCore

/// The hook's decisions, with a stand-in issuer that records what was asked.
struct HookApplyTests {
    final class Recorder: ShellCredentialIssuer, @unchecked Sendable {
        var asked: [String] = []
        var expiry = Date(timeIntervalSince1970: 10_000)
        func issue(_ request: CredentialRequest) throws -> IssuedCredentials {
            asked.append(request.profileName)
            if request.profileName == "broken" { throw ShellError.credentials(profile: "broken", reason: "no keys") }
            return IssuedCredentials(
                profileName: request.profileName,
                credentials: Credentials(accessKeyID: "AKIA", secretAccessKey: "s", sessionToken: "t", expiration: expiry),
                region: request.region)
        }
    }

    let root = FileManager.default.temporaryDirectory.appendingPathComponent("vault-hook-\(UUID().uuidString)").path
    var settings: Settings { Settings(environment: ["HOME": root, "XDG_DATA_HOME": root + "/data"]) }

    func project(_ text: String, allow: Bool) throws -> String {
        try FileManager.default.createDirectory(atPath: root + "/p", withIntermediateDirectories: true)
        let rc = root + "/p/.vaultrc"
        try text.write(toFile: rc, atomically: true, encoding: .utf8)
        chmod(rc, 0o644)
        if allow { try TrustStore(settings: settings).allow(rc) }
        return TrustStore.canonical(rc)
    }

    func state(rc: String = "", origin: String = "", profile: String = "", refresh: Bool = false) -> ShellIntegration.HookState {
        .init(rcPath: rc, origin: origin, profile: profile, region: "", duration: nil, noSession: false, refreshOnly: refresh)
    }

    @Test func trustedFileIsAppliedUntrustedOnlyReported() throws {
        let recorder = Recorder()
        var integration = ShellIntegration(settings: settings, shell: Bash(), issuer: recorder)
        integration.now = { 0 }
        let rc = try project("profile = dev\n", allow: false)
        var messages: [String] = []
        #expect(try integration.hookApply(state(rc: rc), messages: &messages) == "")
        #expect(messages == ["\(rc) is not allowed; run 'vault allow' to use profile dev here"])
        try TrustStore(settings: settings).allow(rc)
        messages = []
        let script = try integration.hookApply(state(rc: rc), messages: &messages)
        #expect(script.contains("export AWS_VAULT=dev\n") && script.contains("__vault_origin=\(BourneQuoting.quote(Array(rc.utf8)))"))
        #expect(recorder.asked == ["dev"] && messages.isEmpty)
    }

    @Test func leavingRestoresAndSameSessionIsLeftAlone() throws {
        let recorder = Recorder()
        let integration = ShellIntegration(settings: settings, shell: Zsh(), issuer: recorder)
        let rc = try project("profile = dev\n", allow: true)
        var messages: [String] = []
        // The same session: no credentials, only the allow-list entry for the hook to watch.
        let entry = try #require(try TrustStore(settings: settings).allowEntry(for: rc))
        #expect(try integration.hookApply(state(rc: rc, origin: rc, profile: "dev"), messages: &messages)
            == Zsh().setLocal("__vault_allowfile", entry))
        let leave = try integration.hookApply(state(origin: rc, profile: "dev"), messages: &messages)
        #expect(leave == Zsh().deactivate())
        #expect(try integration.hookApply(state(origin: "env", profile: "dev"), messages: &messages) == "")
        #expect(recorder.asked.isEmpty)
    }

    @Test func refreshKeepsAVaultEnvSession() throws {
        let recorder = Recorder()
        let integration = ShellIntegration(settings: settings, shell: Fish(), issuer: recorder)
        let rc = try project("profile = dev\n", allow: true)
        var messages: [String] = []
        let script = try integration.hookApply(state(rc: rc, origin: "env", profile: "ops", refresh: true), messages: &messages)
        #expect(recorder.asked == ["ops"])
        #expect(script.contains("set -gx VAULT_ORIGIN env\n"))
    }

    @Test func failingNewProfileStillRestoresThePreviousProjects() throws {
        let integration = ShellIntegration(settings: settings, shell: Bash(), issuer: Recorder())
        let rc = try project("profile = broken\n", allow: true)
        var messages: [String] = []
        let script = try integration.hookApply(state(rc: rc, origin: "/elsewhere/.vaultrc", profile: "dev"), messages: &messages)
        #expect(script == Bash().deactivate())
        #expect(messages == ["cannot get credentials for profile broken: no keys"])
        // The same project's refresh failing keeps what is there.
        #expect(throws: ShellError.self) {
            try integration.hookApply(state(rc: rc, origin: rc, profile: "broken", refresh: true), messages: &messages)
        }
    }
}
