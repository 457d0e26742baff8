import Foundation
import Testing
@testable import VaultCore

/// Property test: random byte strings, quoted by vault and eval'd by the real
/// bash, zsh and fish, come back byte for byte, and nothing inside them runs.
struct RealShellQuotingTests {
    static let count = 500

    /// Random values, a fifth of them seeded with fragments that would run a
    /// command if anything were expanded.
    static func values(seed: UInt64) -> [[UInt8]] {
        var rng = SplitMix(seed: seed)
        let traps = ["$(touch CANARY)", "`touch CANARY`", "(touch CANARY)", "'; touch CANARY; '", "\\'; touch CANARY #",
                     "\"; touch CANARY; \"", "$'\\x41'", "{a,b}", "*", "~root", "%self", "${HOME}", "$((1+1))", "\n touch CANARY\n", "!!"]
        return (0..<count).map { i in
            var bytes: [UInt8] = []
            if i == 0 { return [] }
            let length = Int(rng.next() % 40)
            for _ in 0..<length {
                // Mostly the whole byte range except NUL, which no environment can hold.
                bytes.append(UInt8(rng.next() % 255) + 1)
            }
            if i % 5 == 0 {
                let trap = Array(traps[Int(rng.next() % UInt64(traps.count))].utf8)
                bytes.insert(contentsOf: trap, at: bytes.isEmpty ? 0 : Int(rng.next() % UInt64(bytes.count)))
            }
            return bytes
        }
    }

    @Test(arguments: ShellKind.allCases)
    func randomBytesSurviveEval(kind: ShellKind) throws {
        let shell = kind.shell
        let values = Self.values(seed: 0x5eed + UInt64(kind.rawValue.count))
        var script = ""
        for (i, value) in values.enumerated() {
            script += ShellDriver.assign(kind, "V\(i)", word: shell.quote(value))
        }
        script += ShellDriver.dump(kind, (0..<values.count).map { "V\($0)" })
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vault-quote-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let scriptFile = dir.appendingPathComponent("script")
        try script.write(to: scriptFile, atomically: true, encoding: .utf8)
        let (program, arguments) = ShellDriver.run(kind, script: scriptFile.path)
        let output = try Self.run(program, arguments, in: dir)
        let got = output.split(separator: 0, omittingEmptySubsequences: false).dropLast().map(Array.init)
        #expect(got.count == values.count)
        for (i, value) in values.enumerated() where i < got.count {
            #expect(got[i] == value, "value \(i) changed in \(kind)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("CANARY").path))
    }

    static func run(_ program: String, _ arguments: [String], in dir: URL) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        process.currentDirectoryURL = dir
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": dir.path, "LANG": "C.UTF-8"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(data)
    }
}

