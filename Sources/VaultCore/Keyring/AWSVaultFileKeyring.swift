import Synchronization
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// aws-vault's encrypted file store (99designs/keyring's `file` backend),
/// read so that keys can move in (`vault migrate --from aws-vault-file`):
///
/// - one file per item in the folder, named by the item's key with `%` and
///   `/` percent-encoded (`%25`, `%2F`; older versions wrote the key as is);
/// - each file a JWE (PBES2-HS256+A128KW, A256GCM; see `JWE`) of the
///   item's JSON `{"Key", "Data", "Label", …}`, `Data` the base64 of the value
///   (the same item layout as the Secret Service's, see `SecretServiceKeyring.unwrap`).
///
/// Read and remove only: vault keeps its own keys in its own format
/// (`FileKeyring`, another folder). `set` is refused with a message saying where to write.
package final class AWSVaultFileKeyring: Keyring {
    package typealias PassphrasePrompt = @Sendable () throws -> String

    package let directory: String
    private let prompt: PassphrasePrompt
    private let passphrase: Mutex<String?>

    package init(directory: String, passphrase: String?, prompt: @escaping PassphrasePrompt) {
        self.directory = directory
        self.passphrase = Mutex(passphrase)
        self.prompt = prompt
    }

    package func keys() throws -> [String] {
        guard let names = try StoreFolder.names(directory) else { return [] }
        try refuseVaultStore(names)
        return names.filter { !$0.hasPrefix(".") && StoreFolder.isRegularFile(directory + "/" + $0) }.map(Self.unescape)
    }

    package func get(_ key: String) throws -> Data? {
        guard let names = try StoreFolder.names(directory) else { return nil }
        try refuseVaultStore(names)
        let path = directory + "/" + Self.escape(key)
        guard var sealed = try StoreFolder.read(path) else { return nil }
        defer { Wipe.data(&sealed) }
        var item = try open(sealed, path: path)
        defer { Wipe.data(&item) }
        return try SecretServiceKeyring.unwrap(item, key: key)
    }

    package func set(_ key: String, _ data: Data) throws {
        throw KeyringError.readOnlyStore(directory: directory)
    }

    package func remove(_ key: String) throws {
        let path = directory + "/" + Self.escape(key)
        if unlink(path) != 0 && errno != ENOENT { throw KeyringError.io(path: path, operation: "remove", errno: errno) }
    }

    // MARK: Format

    /// 99designs/keyring's file names: `%` and `/` as `%25` and `%2F`.
    static func escape(_ key: String) -> String {
        key.replacing("%", with: "%25").replacing("/", with: "%2F")
    }

    /// Every `%XX` back to its byte (names written before escaping decode to themselves).
    static func unescape(_ name: String) -> String {
        var bytes: [UInt8] = []
        var input = Array(name.utf8)[...]
        while let byte = input.popFirst() {
            if byte == UInt8(ascii: "%"), input.count >= 2,
               let value = UInt8(String(decoding: input.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                input = input.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func open(_ sealed: Data, path: String) throws -> Data {
        let given = try currentPassphrase()
        do {
            return try JWE.decrypt(sealed, passphrase: Data(given.utf8))
        } catch .wrongPassphrase {
            passphrase.withLock { $0 = nil }
            throw KeyringError.wrongPassphrase(directory: directory)
        } catch .tampered {
            throw KeyringError.damagedFile(path: path, detail: "its content does not match its tag")
        } catch .malformed(let detail) {
            throw KeyringError.damagedFile(path: path, detail: detail)
        }
    }

    private func currentPassphrase() throws -> String {
        if let known = passphrase.withLock({ $0 }) { return known }
        let answer: String
        do {
            answer = try prompt()
        } catch PromptError.noTerminal {
            throw KeyringError.noPassphrase(directory: directory)
        }
        passphrase.withLock { $0 = answer }
        return answer
    }

    private func refuseVaultStore(_ names: [String]) throws {
        if StoreFolder.holdsVaultStore(names) {
            throw KeyringError.otherFormat(directory: directory, holds: .vault)
        }
    }
}

/// What is in a store's folder, so that vault's and aws-vault's file formats
/// never share one by accident (each refuses a folder holding the other).
package enum StoreFolder {
    package enum Format: Sendable { case vault, awsVault }

    /// The names in `directory` (dot entries excluded); nil when it does not exist.
    static func names(_ directory: String) throws -> [String]? {
        guard let stream = opendir(directory) else {
            if errno == ENOENT { return nil }
            throw KeyringError.io(path: directory, operation: "list", errno: errno)
        }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// vault's layout: `store.json` and `*.item` files (see `FileKeyring`).
    static func holdsVaultStore(_ names: [String]) -> Bool {
        names.contains { $0 == "store.json" || $0.hasSuffix(FileKeyring.itemSuffix) }
    }

    /// The format of what `directory` holds; nil when it is missing or holds
    /// neither. Any visible file outside vault's layout counts as aws-vault's
    /// (its files are named after profiles, so any name is possible).
    package static func format(of directory: String) throws -> Format? {
        guard let names = try names(directory) else { return nil }
        if holdsVaultStore(names) { return .vault }
        let foreign = names.contains { !$0.hasPrefix(".") && isRegularFile(directory + "/" + $0) }
        return foreign ? .awsVault : nil
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// A file's bytes, nil when missing; a symlink is refused (a file cannot borrow another path).
    static func read(_ path: String) throws -> Data? {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw KeyringError.io(path: path, operation: "read", errno: errno)
        }
        defer { close(fd) }
        guard let data = FileBytes.readAll(fd) else { throw KeyringError.io(path: path, operation: "read", errno: errno) }
        return data
    }
}
