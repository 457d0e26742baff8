import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import VaultCore

/// A private folder for one test, removed afterwards.
private final class Scratch {
    let path: String
    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("vault-doctor-\(getpid())-\(Int.random(in: 0..<1_000_000))").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    func write(_ relative: String, _ text: String) throws {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: true, encoding: .utf8)
    }
}

private func doctor(_ environment: [String: String], pid: Int32 = 4242) -> Doctor {
    var d = Doctor(settings: Settings(environment: environment), choice: KeyringChoice(), parentPID: pid)
    d.openKeyring = { _, _ in MemoryKeyring() }
    return d
}

@Test func aFailureSplitsTheMessageIntoWhatAndFix() {
    let check = DoctorCheck.fail("profile x", CredentialError.noStoredKeys(profile: "x"))
    #expect(check.detail == "no credentials stored for profile 'x'")
    #expect(check.fix == "run 'vault add x' to store its access key")
    #expect(check.line == "✗ profile x: no credentials stored for profile 'x' — fix: run 'vault add x' to store its access key")
    #expect(DoctorCheck.pass("hook", "installed").line == "✓ hook: installed")
}

@Test func configThatParsesPassesAndABrokenOneFails() throws {
    let scratch = try Scratch()
    try scratch.write("good", "[profile a]\nregion = eu-west-1\n[profile b]\nsource_profile = a\n")
    try scratch.write("bad", "[profile a\nregion = x\n")
    let good = doctor(["AWS_CONFIG_FILE": scratch.path + "/good"]).configCheck()
    #expect(good.ok && good.detail.hasSuffix("parses (2 profiles)"))
    let bad = doctor(["AWS_CONFIG_FILE": scratch.path + "/bad"]).configCheck()
    #expect(!bad.ok && bad.detail.contains(scratch.path + "/bad:1"), "\(bad.line)")
    let missing = doctor(["AWS_CONFIG_FILE": scratch.path + "/none"]).configCheck()
    #expect(missing.ok && missing.detail.contains("does not exist"))
}

@Test func storeThatOpensPassesAndOneThatThrowsFails() {
    var d = doctor([:])
    d.openKeyring = { _, _ in MemoryKeyring(["alice": Data("{}".utf8)]) }
    let (pass, keyring) = d.store()
    #expect(pass.ok && keyring != nil && pass.detail.contains("1 profile with keys"))
    d.openKeyring = { _, _ in throw KeyringError.noSessionBus }
    let (fail, none) = d.store()
    #expect(!fail.ok && none == nil && fail.fix?.isEmpty == false, "\(fail.line)")
}

@Test func hookIsInstalledOnlyWhenTheMarkerNamesThisShell() {
    #expect(doctor(["VAULT_HOOK": "zsh:4242"], pid: 4242).hook().ok)
    let other = doctor(["VAULT_HOOK": "zsh:999", "SHELL": "/bin/bash"], pid: 4242).hook()
    #expect(!other.ok && other.fix?.contains("vault hook zsh") == true)
    let none = doctor(["SHELL": "/usr/bin/fish"], pid: 4242).hook()
    #expect(!none.ok && none.fix?.contains("vault hook fish | source") == true)
}

@Test(arguments: [("bash", "bash-completion/completions/vault"), ("zsh", "zsh/site-functions/_vault"),
                  ("fish", "fish/vendor_completions.d/vault.fish")])
func completionsAreFoundWhereTheShellLooks(shell: String, relative: String) throws {
    let scratch = try Scratch()
    let environment = ["SHELL": "/bin/" + shell, "HOME": scratch.path + "/home", "XDG_DATA_DIRS": scratch.path + "/share"]
    let missing = doctor(environment).completions()
    #expect(!missing.ok && missing.fix?.contains("--generate-completion-script \(shell)") == true, "\(missing.line)")
    try scratch.write("share/" + relative, "# completions\n")
    let found = doctor(environment).completions()
    #expect(found.ok && found.detail.contains(scratch.path + "/share/" + relative), "\(found.line)")
}

@Test func tcshCompletionsAreTheInstalledFileAndTheHookFixNamesTcshrc() throws {
    let scratch = try Scratch()
    let environment = ["SHELL": "/usr/bin/tcsh", "HOME": scratch.path + "/home", "XDG_DATA_DIRS": scratch.path + "/share"]
    let missing = doctor(environment).completions()
    #expect(!missing.ok && missing.fix?.contains("~/.tcshrc") == true, "\(missing.line)")
    try scratch.write("share/vault/completions/vault.tcsh", "# completions\n")
    #expect(doctor(environment).completions().ok)
    #expect(doctor(environment, pid: 4242).hook().fix?.contains("vault hook tcsh") == true)
}

@Test func librariesThatLoadPassAndOthersNameThePackage() {
    let d = doctor([:])
    #expect(d.library(.libcurl, nil).ok)
    let fail = d.library(.libcurl, "libcurl.so.4: cannot open shared object file")
    #expect(!fail.ok && fail.fix == "install it (Debian/Ubuntu: apt install libcurl4)")
    #expect(d.library(.libcrypto, "gone").fix == "install it (Debian/Ubuntu: apt install libssl3)")
    // On this machine all are there (the integration tests hide them).
    for library in SystemLibrary.allCases {
        #expect(library.loadProblem == nil, "\(library)")
    }
}

@Test func expiredSessionsInTheCacheFailWithClearAsTheFix() throws {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let keyring = MemoryKeyring()
    let live = SessionKey(kind: "sts.GetSessionToken", profile: "a", expiration: now.addingTimeInterval(600))
    try keyring.set(live.name, Data("{}".utf8))
    var d = doctor([:])
    d.now = { now }
    let pass = d.expiredSessions(keyring)
    #expect(pass.ok && pass.detail == "1 cached, none expired")
    let dead = SessionKey(kind: "sts.AssumeRole", profile: "b", expiration: now.addingTimeInterval(-1))
    try keyring.set(dead.name, Data("{}".utf8))
    let fail = d.expiredSessions(keyring)
    #expect(!fail.ok && fail.detail == "1 expired session in the cache (b)" && fail.fix == "vault clear")
}

@Test(arguments: [(0, true), (-60, true), (61, false), (-3600, false)])
func clockWithinAMinuteOfAWSPasses(skew: Int, ok: Bool) {
    let check = doctor([:]).clock(skew: skew)
    #expect(check.ok == ok, "\(check.line)")
    if skew == -3600 { #expect(check.detail == "60 minutes behind AWS's") }
}

@Test func aProfileThatDoesNotResolveFails() throws {
    let scratch = try Scratch()
    try scratch.write("config", "[profile a]\nsource_profile = missing\n")
    let checks = doctor(["AWS_CONFIG_FILE": scratch.path + "/config"]).profile("a", keyring: MemoryKeyring())
    #expect(checks.count == 1 && !checks[0].ok, "\(checks.map(\.line))")
}

@Test func aProfileWithoutStoredKeysFailsWithVaultAdd() throws {
    let scratch = try Scratch()
    try scratch.write("config", "[profile a]\nregion = eu-west-1\n")
    let checks = doctor(["AWS_CONFIG_FILE": scratch.path + "/config"]).profile("a", keyring: MemoryKeyring())
    #expect(checks.map(\.ok) == [true, false])
    #expect(checks[1].fix == "run 'vault add a' to store its access key")
}

@Test func withoutAStoreTheChainIsStillCheckedFromTheConfig() throws {
    let scratch = try Scratch()
    try scratch.write("config", "[profile a]\nregion = eu-west-1\n[profile b]\nsource_profile = a\nrole_arn = arn:aws:iam::1:role/r\n")
    var d = doctor(["AWS_CONFIG_FILE": scratch.path + "/config"])
    d.openKeyring = { _, _ in throw KeyringError.noSessionBus }
    d.libraryProblem = { _ in nil }
    let checks = d.run(profile: "b")
    #expect(checks.map(\.name) == ["config", "store", "hook", "completions", "libcrypto", "libcurl", "libdbus", "readline", "profile b"])
    #expect(checks.last?.ok == true && checks.last?.detail.contains("stored keys of 'a' → AssumeRole arn:aws:iam::1:role/r 3600s (store not read)") == true)
    #expect(!d.run(profile: "missing").last!.ok)
}

@Test func skewComparesTheMiddleOfTheExchangeWithTheMiddleOfTheDateSecond() {
    let server = Date(timeIntervalSince1970: 1_800_000_000)
    // AWS's clock 600 s ahead: its Date says T+600 (cut to the second) while ours says T+0.2…T+0.8.
    let sent = server.addingTimeInterval(-600 + 0.2)
    let received = server.addingTimeInterval(-600 + 0.8)
    #expect(Doctor.skew(sent: sent, received: received, serverDate: server) == -600)
    #expect(Doctor.skew(sent: server.addingTimeInterval(0.1), received: server.addingTimeInterval(0.9), serverDate: server) == 0)
    #expect(doctor([:]).clock(skew: -599).detail == "10 minutes behind AWS's")
    #expect(doctor([:]).clock(skew: 90).detail == "90 seconds ahead of AWS's")
}

/// xonsh has no completion folder: the fix copies the installed completer into
/// its rc.d folder, which it sources at start.
@Test func xonshCompletionsAreFoundInItsRcFolder() throws {
    let scratch = try Scratch()
    let environment = ["SHELL": "/usr/bin/xonsh", "HOME": scratch.path + "/home", "XDG_DATA_DIRS": scratch.path + "/share"]
    #expect(doctor(environment).hook().fix?.contains("execx($(vault hook xonsh))") == true)
    try scratch.write("share/vault/completions/vault.xsh", "# completer\n")
    let missing = doctor(environment).completions()
    #expect(!missing.ok && missing.fix?.contains("cp \(scratch.path)/share/vault/completions/vault.xsh \(scratch.path)/home/.config/xonsh/rc.d/vault.xsh") == true, "\(missing.line)")
    try scratch.write("home/.config/xonsh/rc.d/vault.xsh", "# completer\n")
    #expect(doctor(environment).completions().ok)
}
