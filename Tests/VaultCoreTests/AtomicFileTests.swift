import Foundation
import Testing
@testable import VaultCore

/// The one file replacer: whole or nothing, the mode asked for, no temp file left.
struct AtomicFileTests {
    let dir: String

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("vault-atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
    }

    func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir).filter(AtomicFile.isTemporary)
    }

    @Test func replacesWithTheModeAskedFor() throws {
        let path = dir + "/config"
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        try AtomicFile.replace(path, mode: 0o640) { FileBytes.writeAll($0, Data("new".utf8)) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        #expect(try leftovers() == [])
    }

    @Test func aFailedWriteKeepsTheOldFileAndLeavesNoTempFile() throws {
        let path = dir + "/config"
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: AtomicFile.Failure.self) {
            try AtomicFile.replace(path, mode: 0o600) { fd in
                _ = FileBytes.writeAll(fd, Data("half".utf8))
                errno = ENOSPC
                return false
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try leftovers() == [])
    }

    @Test func aSymlinkAtThePathIsReplacedNotWrittenThrough() throws {
        let target = dir + "/elsewhere"
        try Data("keep".utf8).write(to: URL(fileURLWithPath: target))
        let path = dir + "/link"
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
        try AtomicFile.replace(path, mode: 0o600) { FileBytes.writeAll($0, Data("new".utf8)) }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        var info = stat()
        #expect(lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG)
    }

    @Test func aMissingFolderIsAnErrorNamingIt() throws {
        let folder = dir + "/missing"
        do {
            try AtomicFile.replace(folder + "/file", mode: 0o600) { _ in true }
            Issue.record("no error")
        } catch {
            #expect(error.operation == "create" && error.path == folder && error.errno == ENOENT)
        }
    }

    @Test func leftoversOfOneFileAreRemovedAndNoOthers() throws {
        let path = dir + "/config"
        for name in [".config.vault-a1B2c3.tmp", ".credentials.vault-d4E5f6.tmp", ".config.vault-short.tmp", "config.vault-a1B2c3.tmp"] {
            try Data().write(to: URL(fileURLWithPath: dir + "/" + name))
        }
        #expect(AtomicFile.isTemporary(".config.vault-a1B2c3.tmp"))
        #expect(!AtomicFile.isTemporary(".config.vault-short.tmp"))
        AtomicFile.removeLeftovers(of: path)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(left == [".config.vault-short.tmp", ".credentials.vault-d4E5f6.tmp", "config.vault-a1B2c3.tmp"])
    }

    @Test func aConfigEditRemovesAKilledRunsTempFile() throws {
        let path = dir + "/config"
        try Data("[profile a]\n".utf8).write(to: URL(fileURLWithPath: path))
        try Data("half".utf8).write(to: URL(fileURLWithPath: dir + "/.config.vault-Zz9Yy8.tmp"))
        try ConfigEditor(path: path, settings: Settings(environment: ["XDG_RUNTIME_DIR": dir + "/run"])).edit { ConfigEditor.appendingSection(for: "b", to: $0) }
        #expect(try leftovers() == [])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "[profile a]\n\n[profile b]\n")
    }
}
