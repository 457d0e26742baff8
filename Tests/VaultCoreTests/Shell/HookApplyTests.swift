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
        return rc
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
        let entry = try #require(try TrustStore(settings: settings).inspect(rc).file.map { try TrustStore(settings: settings).allowEntry(for: $0) })
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

/// The stamp the hook compares the `.vaultrc`'s mtime with (HookStamp).
struct HookStampTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("vault-stamp-\(UUID().uuidString)").path
    var settings: Settings { Settings(environment: ["HOME": root, "XDG_DATA_HOME": root + "/data"]) }

    /// Sets `path`'s mtime to `seconds`.`nanoseconds`, long past.
    func age(_ path: String, _ seconds: Int, _ nanoseconds: Int = 0) {
        let past = [timespec(tv_sec: seconds, tv_nsec: nanoseconds), timespec(tv_sec: seconds, tv_nsec: nanoseconds)]
        #expect(utimensat(AT_FDCWD, path, past, 0) == 0)
    }

    /// hook-apply's state for `rc`, from a shell whose pid is this process's.
    func state(_ rc: String) -> ShellIntegration.HookState {
        var state = ShellIntegration.HookState(rcPath: rc, origin: "", profile: "", region: "", duration: nil, noSession: false, refreshOnly: false)
        state.shellPID = getpid()
        return state
    }

    func mtime(_ path: String) -> timespec {
        var info = stat()
        stat(path, &info)
        return info.st_mtim
    }

    @Test func hookApplyStampsTheMtimeOfWhatItRead() throws {
        try FileManager.default.createDirectory(atPath: root + "/p", withIntermediateDirectories: true)
        let rc = root + "/p/.vaultrc"
        try "profile = dev\n".write(toFile: rc, atomically: false, encoding: .utf8)
        chmod(rc, 0o644)
        age(rc, 1_600_000_000, 123_456_789)  // well in the past: not "racy"
        let integration = ShellIntegration(settings: settings, shell: Bash(), issuer: HookApplyTests.Recorder())
        var messages: [String] = []
        _ = try integration.hookApply(state(rc), messages: &messages)
        let stamp = root + "/data/vault/seen/\(getpid())"
        #expect(mtime(stamp).tv_sec == 1_600_000_000 && mtime(stamp).tv_nsec == 123_456_789)
        // Touched now: the tick is still running, so no stamp (the hook asks again).
        #expect(utimensat(AT_FDCWD, rc, nil, 0) == 0)
        if TrustStore.isRacy(mtime(rc)) {
            _ = try integration.hookApply(state(rc), messages: &messages)
            #expect(!FileStatus.exists(stamp))
        }
    }

    @Test func aFIFOIsStampedWithoutBeingOpened() throws {
        try FileManager.default.createDirectory(atPath: root + "/f", withIntermediateDirectories: true)
        let fifo = root + "/f/.vaultrc"
        #expect(mkfifo(fifo, 0o644) == 0)
        age(fifo, 1_500_000_000)
        let integration = ShellIntegration(settings: settings, shell: Fish(), issuer: HookApplyTests.Recorder())
        var messages: [String] = []
        #expect(try integration.hookApply(state(fifo), messages: &messages) == "")
        #expect(messages == [ShellError.rcNotRegular(path: fifo, kind: "a FIFO").message])
        #expect(mtime(root + "/data/vault/seen/\(getpid())").tv_sec == 1_500_000_000)
    }
}
