import Foundation
import Testing
@testable import VaultCore

/// What tcsh's syntax asks of vault beyond the shared real-shell tests.
struct TcshTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("vault-tcsh-\(UUID().uuidString)").path

    @Test func quotingLeavesNothingToTheLexer() {
        let tcsh = Tcsh()
        #expect(tcsh.quote("plain-word_1.2") == "plain-word_1.2")
        #expect(tcsh.quote("") == "''")
        // Blanks, history `!`, quotes, `$` and backquotes all as octal escapes.
        #expect(tcsh.quote("a b!'\"$`\n") == "$'a\\040b\\041\\047\\042\\044\\140\\012'")
        // A character is kept as it is; only a byte that is not UTF-8 needs printf.
        #expect(tcsh.quote("é") == "$'é'")
        #expect(tcsh.quote([0x61, 0xff, 0x62]) == "$'a'\"`\\printf '\\377'`\"$'b'")
        #expect(tcsh.quote([0xe2, 0x82]) == "\"`\\printf '\\342\\202'`\"")
    }

    @Test func scriptsAreOneLineWithoutHistoryCharacters() {
        let session = ShellSession(profile: "p!x", region: "r", origin: "env", expiration: 100, minimumTTL: 10, now: 0)
        let script = Tcsh().activate([.set("AWS_VAULT", "p!x y")], session: session)
        // One word after eval: nothing for `…` to cut at blanks or glob, no history `!`.
        #expect(script.hasPrefix("eval $'") && script.hasSuffix("'\n"))
        #expect(!script.dropFirst(5).dropLast().contains(where: { " \t\n*?[]{}~!".contains($0) }))
        let hook = Tcsh().hook
        #expect(hook.split(separator: "\n").count == 1)
        #expect(!hook.contains("!"))
        // Applied with or without double quotes: no word of it is globbed.
        #expect(!hook.contains(where: { "*?[]{}~\t".contains($0) }))
    }

    @Test func clockFilesOfEndedShellsAreRemoved() throws {
        let settings = Settings(environment: ["HOME": root, "XDG_DATA_HOME": root + "/data"])
        let store = TrustStore(settings: settings)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let seen = root + "/data/vault/seen"
        try FileManager.default.createDirectory(atPath: seen, withIntermediateDirectories: true)
        chmod(root + "/data/vault", 0o700)
        chmod(seen, 0o700)
        // Beyond any pid_max: no such process.
        let ended = seen + "/2147483646.clock", mine = seen + "/\(getpid()).clock"
        for path in [ended, mine] { #expect(FileManager.default.createFile(atPath: path, contents: Data())) }
        var info = stat()
        info.st_mtim = timespec(tv_sec: 1_600_000_000, tv_nsec: 0)
        store.stamp(shell: getpid(), info: info)
        #expect(!FileManager.default.fileExists(atPath: ended))
        #expect(FileManager.default.fileExists(atPath: mine))
    }
}
