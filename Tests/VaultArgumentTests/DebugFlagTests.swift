import Testing
@testable import vault

/// `--debug` is vault's wherever vault's options are, and the command's once the command starts.
@Suite struct DebugFlagTests {
    @Test(arguments: [
        (["--debug", "list"], true, ["list"]),
        (["list", "--debug", "--json"], true, ["list", "--json"]),
        (["export", "prod", "--debug"], true, ["export", "prod"]),
        (["exec", "--debug", "prod", "--", "aws", "--debug"], true, ["exec", "prod", "--", "aws", "--debug"]),
        (["exec", "prod", "--debug", "aws"], true, ["exec", "prod", "aws"]),
        (["exec", "prod", "aws", "--debug"], false, ["exec", "prod", "aws", "--debug"]),
        (["exec", "prod", "-d", "--debug", "aws"], false, ["exec", "prod", "-d", "--debug", "aws"]),
        (["exec", "--", "sh", "--debug"], false, ["exec", "--", "sh", "--debug"]),
        (["list"], false, ["list"]),
    ])
    func extractsOnlyVaultsOwn(arguments: [String], enabled: Bool, rest: [String]) {
        let (on, left) = DebugFlag.extract(arguments)
        #expect(on == enabled)
        #expect(left == rest)
    }

    @Test func execWithoutAProfileGetsAnEmptyOneBeforeTheCommand() {
        #expect(Vault.Exec.markingMissingProfile(["exec", "-n", "--", "true"]) == ["exec", "-n", "", "--", "true"])
        #expect(Vault.Exec.markingMissingProfile(["exec", "-d", "1h", "--", "true"]) == ["exec", "-d", "1h", "", "--", "true"])
        #expect(Vault.Exec.markingMissingProfile(["exec", "prod", "--", "true"]) == ["exec", "prod", "--", "true"])
        #expect(Vault.Exec.markingMissingProfile(["export", "--", "x"]) == ["export", "--", "x"])
    }
}
