import Testing
import VaultCore

@Test func versionPrintsTheVersion() throws {
    let result = try VaultBinary.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout == VaultVersion.current + "\n")
    #expect(result.stderr.isEmpty)
}
