import Foundation
import Testing
@testable import VaultCore

struct TrustStoreTests {
    let root: String
    let store: TrustStore
    let rc: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("vault-trust-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/project", withIntermediateDirectories: true)
        rc = root + "/project/.vaultrc"
        try "profile = dev\n".write(toFile: rc, atomically: true, encoding: .utf8)
        chmod(rc, 0o644)
        store = TrustStore(directory: root + "/data/vault")
    }

    @Test func allowDenyAndEditsChangeStatus() throws {
        #expect(try store.status(of: rc) == .notAllowed)
        try store.allow(rc)
        #expect(try store.status(of: rc) == .allowed)
        let generation = FileText.read(store.generationPath)
        try "profile = prod\n".write(toFile: rc, atomically: false, encoding: .utf8)
        #expect(try store.status(of: rc) == .notAllowed)
        try store.allow(rc)
        #expect(FileText.read(store.generationPath) != generation)
        try store.deny(rc)
        #expect(try store.status(of: rc) == .denied)
        try "profile = other\n".write(toFile: rc, atomically: false, encoding: .utf8)
        #expect(try store.status(of: rc) == .denied)
        try store.allow(rc)
        #expect(try store.status(of: rc) == .allowed)
    }

    @Test func groupWritableFileIsRefusedWhateverTheList() throws {
        try store.allow(rc)
        chmod(rc, 0o664)
        guard case .refused = try store.status(of: rc) else { Issue.record("group-writable file was not refused"); return }
        #expect(throws: ShellError.self) { try store.allow(rc) }
    }

    @Test func keyIsSHA256OfPathNewlineContent() throws {
        // sha256("/p\nprofile = a\n")
        #expect(try TrustStore.allowKey(path: "/p", content: Array("profile = a\n".utf8)) == Hex.encode(Digest.sha256(Array("/p\nprofile = a\n".utf8))))
        #expect(try Hex.encode(Digest.sha256(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func allowRefusesAFileThatDoesNotParse() throws {
        try "profile = a\nrm -rf /\n".write(toFile: rc, atomically: false, encoding: .utf8)
        #expect(throws: ShellError.self) { try store.allow(rc) }
        #expect(try store.status(of: rc) == .notAllowed)
    }

    // MARK: Lexical keys, symlinks, file types (issue 11, items 3, 4, 13)

    func makeProject(_ name: String, _ text: String) throws -> String {
        try FileManager.default.createDirectory(atPath: root + "/" + name, withIntermediateDirectories: true)
        let path = root + "/" + name + "/.vaultrc"
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o644)
        return path
    }

    @Test func aSymlinkedVaultrcDoesNotInheritItsTargetsTrust() throws {
        try store.allow(rc)
        let clone = try makeProject("clone", "unused\n")
        unlink(clone)
        #expect(symlink(rc, clone) == 0)
        guard case .refused(.rcSymlink(let path, let target)) = try store.status(of: clone) else {
            Issue.record("a symlink to an allowed file was not refused: \(try store.status(of: clone))"); return
        }
        #expect(path == clone && target == rc)
        // Allowing that exact link path is the way to use it; the target's entry is untouched.
        try store.allow(clone)
        #expect(try store.status(of: clone) == .allowed)
        #expect(try store.status(of: rc) == .allowed)
        // Denying in the clone denies the link path only, not the real project.
        try store.deny(clone)
        #expect(try store.status(of: clone) == .denied)
        #expect(try store.status(of: rc) == .allowed)
    }

    @Test func trustIsKeyedOnThePathAsTheShellSeesIt() throws {
        try store.allow(rc)
        // A symlinked folder: the same file under another lexical path is another entry.
        #expect(symlink(root + "/project", root + "/alias") == 0)
        #expect(try store.status(of: root + "/alias/.vaultrc") == .notAllowed)
        #expect(try store.status(of: root + "/alias/../project/./.vaultrc") == .allowed)  // cleaned by text
        try store.allow(root + "/alias/.vaultrc")
        try store.deny(root + "/alias/.vaultrc")
        #expect(try store.status(of: rc) == .allowed)
    }

    @Test func aFIFOADeviceAndAFolderAreRefusedWithoutReading() throws {
        let fifo = root + "/fifo/.vaultrc"
        try FileManager.default.createDirectory(atPath: root + "/fifo", withIntermediateDirectories: true)
        #expect(mkfifo(fifo, 0o644) == 0)
        // No writer ever opens it: reading it would block for ever.
        #expect(try store.status(of: fifo) == .refused(.rcNotRegular(path: fifo, kind: "a FIFO")))
        #expect(throws: ShellError.rcNotRegular(path: fifo, kind: "a FIFO")) { try store.allow(fifo) }
        let device = try makeProject("device", "")
        unlink(device)
        #expect(symlink("/dev/zero", device) == 0)
        try? store.allow(device)
        #expect(try store.status(of: device) == .refused(.rcNotRegular(path: device, kind: "a character device")))
        let folder = root + "/folder/.vaultrc"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        #expect(try store.status(of: folder) == .refused(.rcNotRegular(path: folder, kind: "a folder")))
    }

    @Test func aFileOver64KiBIsRefusedBeforeItIsRead() throws {
        let big = try makeProject("big", "profile = dev\n")
        // 100 MB, sparse: refused from its size, not read.
        #expect(truncate(big, 100_000_000) == 0)
        #expect(try store.status(of: big) == .refused(.rcTooLarge(path: big, size: 100_000_000)))
        #expect(throws: ShellError.rcTooLarge(path: big, size: 100_000_000)) { try store.allow(big) }
        #expect(truncate(big, off_t(RCFileBytes.maximumSize)) == 0)
        #expect(try store.status(of: big) == .notAllowed)  // the limit itself is fine (then it fails to parse)
    }

    @Test func theBytesJudgedAreTheBytesReturned() throws {
        try store.allow(rc)
        let inspection = try store.inspect(rc)
        #expect(inspection.status == .allowed)
        #expect(inspection.file?.bytes == Array("profile = dev\n".utf8))
        #expect(try RCFile.parse(#require(inspection.file).bytes, path: rc).profile == "dev")
    }

    @Test func aTrustFolderOthersCanWriteTrustsNothing() throws {
        try store.allow(rc)
        chmod(store.directory + "/allow", 0o777)
        #expect(try store.status(of: rc) == .refused(.trustStoreUnsafe(path: store.directory + "/allow", reason: "can be written by others (mode 777)")))
        #expect(throws: ShellError.self) { try store.allow(rc) }
        chmod(store.directory + "/allow", 0o700)
        chmod(store.directory, 0o770)
        guard case .refused(.trustStoreUnsafe) = try store.status(of: rc) else { Issue.record("group-writable data folder accepted"); return }
        chmod(store.directory, 0o700)
        #expect(try store.status(of: rc) == .allowed)
    }
}
