import Foundation
import Testing
@testable import VaultCore

/// Property test over whole `vault env` scripts: random profile names,
/// regions and credential values (valid UTF-8, since they come from config
/// files and JSON) go through `Shell.activate` and the real shells; every
/// exported and bookkeeping variable comes back exact, the earlier value comes
/// back on `deactivate`, and nothing inside runs.
struct RealShellSessionTests {
    static func strings(seed: UInt64, count: Int) -> [String] {
        let bytes = RealShellQuotingTests.values(seed: seed)
        // Valid UTF-8 only: lossy decoding keeps every ASCII trap and control byte.
        return bytes.prefix(count).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test(arguments: ShellKind.allCases)
    func sessionScriptsRoundTrip(kind: ShellKind) throws {
        let shell = kind.shell
        let names = Self.strings(seed: 0xbeef, count: RealShellQuotingTests.count)
        let regions = Self.strings(seed: 0xcafe, count: RealShellQuotingTests.count)
        let secrets = Self.strings(seed: 0xf00d, count: RealShellQuotingTests.count)
        let watched = ["AWS_VAULT", "AWS_REGION", "AWS_SECRET_ACCESS_KEY", "__vault_profile", "__vault_region", "VAULT_ORIGIN"]
        let dump = ShellDriver.dump(kind, watched)
        var script = shell.export("AWS_REGION", "before")
        var expected: [String] = []
        for i in names.indices {
            let credentials = Credentials(accessKeyID: "AKIA", secretAccessKey: secrets[i], sessionToken: "t",
                                          expiration: Date(timeIntervalSince1970: 2_000_000_000))
            let region = regions[i].isEmpty ? "r" : regions[i]
            let changes = CredentialEnvironment.changes(profile: names[i], credentials: credentials, region: region)
            let session = ShellSession(profile: names[i], region: region, origin: "/p/\(names[i])/.vaultrc",
                                       expiration: 2_000_000_000, minimumTTL: 300, uptime: 100, now: 1_999_000_000)
            script += shell.activate(changes, session: session) + dump
            expected += [names[i], region, secrets[i], names[i], region, "/p/\(names[i])/.vaultrc"]
        }
        script += shell.deactivate()
        script += ShellDriver.dump(kind, ["AWS_REGION"])
        expected.append("before")

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vault-session-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("script")
        try script.write(to: file, atomically: true, encoding: .utf8)
        let (program, arguments) = ShellDriver.run(kind, script: file.path)
        let output = try RealShellQuotingTests.run(program, arguments, in: dir)
        let got = output.split(separator: 0, omittingEmptySubsequences: false).dropLast().map { String(decoding: $0, as: UTF8.self) }
        #expect(got.count == expected.count)
        var mismatches = 0
        for (g, e) in zip(got, expected) where g != e { mismatches += 1 }
        #expect(mismatches == 0, "\(mismatches) values changed in \(kind)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("CANARY").path))
    }
}
