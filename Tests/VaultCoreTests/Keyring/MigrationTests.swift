import Foundation
import Testing
@testable import VaultCore

private let keys = Credentials(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")

private func migrate(
    _ source: CredentialStore, _ target: CredentialStore, profiles: [String]? = nil, delete: Bool = false, dryRun: Bool = false
) throws -> (steps: [String], failures: [Migration.Failure]) {
    var steps: [String] = [], failures: [Migration.Failure] = []
    _ = try Migration.run(
        profiles: profiles, from: source, named: "src", to: target, named: "dst", delete: delete, dryRun: dryRun,
        report: { steps.append("\($0) \($1)") }, fail: { failures.append($0) })
    return (steps, failures)
}

@Test func migrationCopiesKeysOnlyAndSkipsSessions() throws {
    let source = CredentialStore(keyring: MemoryKeyring())
    let target = CredentialStore(keyring: MemoryKeyring())
    try source.set("a", keys)
    try source.keyring.set("sts.GetSessionToken,YQ,,1700000000", Data("{}".utf8))
    let run = try migrate(source, target)
    #expect(run.steps == ["a copied"] && run.failures.isEmpty)
    #expect(try target.keyring.keys() == ["a"])
    #expect(try target.get("a") == keys && source.get("a") == keys)
}

@Test func aDryRunChangesNothing() throws {
    let source = CredentialStore(keyring: MemoryKeyring())
    let target = CredentialStore(keyring: MemoryKeyring())
    try source.set("a", keys)
    let run = try migrate(source, target, delete: true, dryRun: true)
    #expect(run.steps == ["a wouldCopy", "a wouldRemoveFromSource"])
    #expect(try target.keyring.keys().isEmpty && source.get("a") == keys)
}

@Test func runningAgainAfterAnyStopEndsInTheSameState() throws {
    // Every state a stopped run can leave: nothing done, copied, copied and removed.
    for stoppedAfter in 0...2 {
        let source = CredentialStore(keyring: MemoryKeyring())
        let target = CredentialStore(keyring: MemoryKeyring())
        try source.set("a", keys)
        if stoppedAfter >= 1 { try target.set("a", keys) }
        if stoppedAfter >= 2 { try source.remove("a") }
        let run = try migrate(source, target, profiles: ["a"], delete: true)
        #expect(run.failures.isEmpty)
        #expect(try target.get("a") == keys && source.get("a") == nil)
    }
}

@Test func differentKeysInTheTargetAreKeptAndTheSourceToo() throws {
    let source = CredentialStore(keyring: MemoryKeyring())
    let target = CredentialStore(keyring: MemoryKeyring())
    let other = Credentials(accessKeyID: "AKIAOTHER00000000000", secretAccessKey: String(repeating: "b", count: 40))
    try source.set("a", keys)
    try target.set("a", other)
    let run = try migrate(source, target, delete: true)
    #expect(run.failures == [.conflict(profile: "a", target: "dst")])
    #expect(try target.get("a") == other && source.get("a") == keys)
}

/// A target that loses what it is given: the source must survive.
private final class ForgetfulKeyring: Keyring, @unchecked Sendable {
    func keys() throws -> [String] { [] }
    func get(_ key: String) throws -> Data? { nil }
    func set(_ key: String, _ data: Data) throws {}
    func remove(_ key: String) throws {}
}

@Test func aCopyThatDoesNotReadBackKeepsTheSource() throws {
    let source = CredentialStore(keyring: MemoryKeyring())
    try source.set("a", keys)
    let run = try migrate(source, CredentialStore(keyring: ForgetfulKeyring()), delete: true)
    #expect(run.failures == [.readBackDiffers(profile: "a", target: "dst")])
    #expect(try source.get("a") == keys)
}
