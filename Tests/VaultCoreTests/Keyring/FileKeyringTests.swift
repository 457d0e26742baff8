import Foundation
import Testing
@testable import VaultCore

@Suite final class FileKeyringTests {
    let directory: String

    init() throws {
        directory = try temporaryDirectory() + "/keys"
    }

    deinit {
        chmod(directory, 0o700)
        chown(directory, getuid(), getgid())
        try? FileManager.default.removeItem(atPath: (directory as NSString).deletingLastPathComponent)
    }

    func store(_ passphrase: String? = "correct horse", ttl: UInt32 = 0, prompt: @escaping FileKeyring.PassphrasePrompt = { _ in throw PromptError.noTerminal }) -> FileKeyring {
        FileKeyring(directory: directory, passphrase: passphrase, unlockTTL: ttl, prompt: prompt)
    }

    @Test func createsTheDirectory0700AndFiles0600() throws {
        try store().set("work", Data("x".utf8))
        let attributes = try FileManager.default.attributesOfItem(atPath: directory)
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
        for file in try FileManager.default.contentsOfDirectory(atPath: directory) {
            let mode = try FileManager.default.attributesOfItem(atPath: directory + "/" + file)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(file)")
        }
    }

    @Test func aWrongPassphraseIsToldAndChangesNothing() throws {
        try store().set("work", Data("x".utf8))
        let before = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(throws: KeyringError.wrongPassphrase(directory: directory)) { try store("wrong").get("work") }
        #expect(throws: KeyringError.wrongPassphrase(directory: directory)) { try store("wrong").set("new", Data("y".utf8)) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == before)
    }

    @Test func aDamagedItemIsNamedNotDropped() throws {
        try store().set("work", Data("x".utf8))
        let path = directory + "/" + Base64URL.encode("work") + ".item"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count - 1] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(throws: KeyringError.damagedItem(key: "work", path: path, detail: "it does not decrypt with this store's key")) { try store().get("work") }
        #expect(try store().keys().contains("work"))
    }

    @Test func aDamagedHeaderIsNamed() throws {
        try store().set("work", Data("x".utf8))
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: directory + "/store.json"))
        #expect(throws: KeyringError.damagedFile(path: directory + "/store.json", detail: "not valid JSON")) { try store().get("work") }
    }

    @Test func anItemRenamedToAnotherNameDoesNotOpen() throws {
        try store().set("a", Data("secret a".utf8))
        try store().set("b", Data("secret b".utf8))
        let a = directory + "/" + Base64URL.encode("a") + ".item"
        let b = directory + "/" + Base64URL.encode("b") + ".item"
        try FileManager.default.removeItem(atPath: b)
        try FileManager.default.copyItem(atPath: a, toPath: b)
        #expect(throws: KeyringError.self) { try store().get("b") }
    }

    @Test func aDirectoryOthersCanWriteIsRefused() throws {
        try store().set("work", Data("x".utf8))
        chmod(directory, 0o770)
        #expect(throws: KeyringError.self) { try store().get("work") }
        #expect(throws: KeyringError.self) { try store().keys() }
    }

    @Test func aFileOthersCanWriteIsRefused() throws {
        try store().set("work", Data("x".utf8))
        chmod(directory + "/" + Base64URL.encode("work") + ".item", 0o666)
        #expect(throws: KeyringError.self) { try store().get("work") }
    }

    @Test(.enabled(if: getuid() == 0)) func aDirectoryOwnedBySomeoneElseIsRefused() throws {
        try store().set("work", Data("x".utf8))
        chown(directory, 1, 1)
        #expect(throws: KeyringError.self) { try store().get("work") }
    }

    @Test func thePassphraseIsAskedTwiceOnCreationAndOnceAfter() throws {
        let asked = Asked()
        let prompt: FileKeyring.PassphrasePrompt = { creating in
            asked.append(creating)
            return "typed"
        }
        try store(nil, prompt: prompt).set("work", Data("x".utf8))
        #expect(try store(nil, prompt: prompt).get("work") == Data("x".utf8))
        #expect(asked.values == [true, false])
    }

    @Test func noPassphraseAndNoTerminalSaysWhatToDo() throws {
        try store().set("work", Data("x".utf8))
        #expect(throws: KeyringError.noPassphrase(directory: directory)) { try store(nil).get("work") }
    }

    @Test func theUnlockCacheServesTheNextProcessAndLockClearsIt() throws {
        try store(ttl: 60).set("work", Data("x".utf8))
        defer { _ = try? store().lock() }
        guard try store().isUnlockedInKernel() else { return }  // keyctl blocked here: nothing to check
        #expect(try store(nil, ttl: 60).get("work") == Data("x".utf8))
        #expect(try store().lock())
        #expect(try !store().isUnlockedInKernel())
        #expect(throws: KeyringError.noPassphrase(directory: directory)) { try store(nil, ttl: 60).get("work") }
    }

    @Test func aMissingStoreListsNothing() throws {
        #expect(try store().keys().isEmpty)
        #expect(try store().get("x") == nil)
        #expect(try store().lock() == false)
    }
}

final class Asked: @unchecked Sendable {
    private(set) var values: [Bool] = []
    func append(_ value: Bool) { values.append(value) }
}
