import Foundation
import Testing

@Suite struct ConfigCommandTests {
    func writeConfig(_ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vault-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("config").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func listProfilesInFileOrder() throws {
        let path = try writeConfig("[profile b]\n[default]\n[profile a]\n")
        let result = try VaultBinary.run(["list", "--profiles"], environment: ["AWS_CONFIG_FILE": path])
        #expect(result.status == 0)
        #expect(result.stdout == "b\ndefault\na\n")
    }

    @Test func syntaxErrorIsOneLineWithFileAndLine() throws {
        let path = try writeConfig("[profile a]\nregion = x\nbroken line\n")
        let result = try VaultBinary.run(["list"], environment: ["AWS_CONFIG_FILE": path])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("vault: \(path):3: "))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
    }

    @Test func unknownProfileOnTheCommandLine() throws {
        let path = try writeConfig("[profile a]\n")
        let result = try VaultBinary.run(["config", "show", "nope"], environment: ["AWS_CONFIG_FILE": path])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("profile 'nope' not found in \(path)"))
    }

    @Test func showNamesWhereEachValueCameFrom() throws {
        let path = try writeConfig("[default]\nregion = eu-west-1\n[profile a]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = b\n[profile b]\n")
        let result = try VaultBinary.run(["config", "show", "a"], environment: ["AWS_CONFIG_FILE": path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("region"))
        #expect(result.stdout.contains("\(path):2 ([default])"))
        #expect(result.stdout.contains("1. stored keys of 'b'\n  2. AssumeRole arn:aws:iam::1:role/r 3600s [profile a]\n"))
    }
}
