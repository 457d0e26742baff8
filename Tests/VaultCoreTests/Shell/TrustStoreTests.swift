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
}
