import Synchronization
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An encrypted store in a directory, for machines without a Secret Service.
///
/// Layout (format 1):
/// - `store.json`: the scrypt parameters and salt, the random 256-bit data key
///   sealed (AES-256-GCM) by the key derived from the passphrase, and a check
///   value sealed by the data key (to verify a data key from the unlock cache);
/// - one `<base64url(name)>.item` file per item: `VLT1` ‖ AES-256-GCM of the
///   value under the data key, the item's name bound as associated data (so a
///   file renamed to another item's name does not open);
/// - `.lock`: `flock`ed by writers, so concurrent writers lose nothing.
///
/// Every write is a temp file, fsync, rename, fsync of the directory: a crash
/// or kill leaves the old state or the new one. Names are visible without the
/// passphrase (as with aws-vault's file store); values are not.
package final class FileKeyring: Keyring {
    /// Asks for the passphrase; `creating` asks twice (the caller compares).
    package typealias PassphrasePrompt = @Sendable (_ creating: Bool) throws -> String

    package let directory: String
    private let passphrase: String?
    private let unlockTTL: UInt32
    /// Whether the data key is kept in (and read from) the kernel keyring.
    package let unlockCache: UnlockCacheMode
    private let prompt: PassphrasePrompt
    private let dataKey = Mutex<Data?>(nil)

    /// - Parameters:
    ///   - passphrase: from `AWS_VAULT_FILE_PASSPHRASE`; nil asks through `prompt`.
    ///   - unlockTTL: seconds the data key stays in the kernel keyring; 0 disables the cache,
    ///     and so does a process without a session keyring of its own (`UnlockCacheMode`).
    package init(directory: String, passphrase: String?, unlockTTL: UInt32, prompt: @escaping PassphrasePrompt) {
        self.directory = directory
        self.passphrase = passphrase
        self.unlockTTL = unlockTTL
        self.unlockCache = UnlockCacheMode.current(ttl: unlockTTL)
        self.prompt = prompt
    }

    deinit {
        dataKey.withLock { key in
            if key != nil { Wipe.data(&key!) }
        }
    }

    /// Whether writing an item asks nobody: the passphrase came from the
    /// environment, or this process has unlocked the store already.
    package var writesWithoutAsking: Bool {
        passphrase != nil || dataKey.withLock { $0 != nil }
    }

    // MARK: Keyring

    package func keys() throws -> [String] {
        guard try checkDirectory(create: false) else { return [] }
        var names: [String] = []
        for file in try entries() where file.hasSuffix(Self.itemSuffix) && !file.hasPrefix(".") {
            if let name = Base64URL.decode(String(file.dropLast(Self.itemSuffix.count))) { names.append(name) }
        }
        return names
    }

    package func get(_ key: String) throws -> Data? {
        guard try checkDirectory(create: false) else { return nil }
        let path = try itemPath(key)
        guard let contents = try readFile(path) else { return nil }
        guard let sealed = Self.sealedItem(contents) else {
            throw KeyringError.damagedItem(key: key, path: path, detail: "not a vault item file")
        }
        guard let header = try readHeader() else { throw try headerMissing() }
        let dataKey = try unlock(header)
        do {
            return try AEAD.open(sealed, key: dataKey, associatedData: Self.itemAssociatedData(key: key))
        } catch {
            throw KeyringError.damagedItem(key: key, path: path, detail: "it does not decrypt with this store's key")
        }
    }

    package func set(_ key: String, _ data: Data) throws {
        _ = try checkDirectory(create: true)
        let path = try itemPath(key)
        let dataKey = try unlockOrCreate()
        var sealed = Self.itemMagic
        sealed.append(try AEAD.seal(data, key: dataKey, associatedData: Self.itemAssociatedData(key: key)))
        try withWriteLock {
            removeStaleTemporaryFiles()
            try atomicWrite(sealed, to: path)
        }
    }

    package func remove(_ key: String) throws {
        guard try checkDirectory(create: false) else { return }
        let path = try itemPath(key)
        try withWriteLock {
            if unlink(path) != 0 && errno != ENOENT { throw KeyringError.io(path: path, operation: "remove", errno: errno) }
            try syncDirectory()
        }
    }

    // MARK: Unlock cache

    /// Forgets the data key kept in the kernel keyring for this store;
    /// false when none was kept.
    @discardableResult
    package func lock() throws -> Bool {
        dataKey.withLock { key in
            if key != nil { Wipe.data(&key!) }
            key = nil
        }
        guard try checkDirectory(create: false), let header = try readHeader() else { return false }
        return KernelKeyring.forget(Self.cacheDescription(header))
    }

    /// Whether the kernel keyring holds this store's data key now.
    package func isUnlockedInKernel() throws -> Bool {
        guard try checkDirectory(create: false), let header = try readHeader() else { return false }
        guard var key = KernelKeyring.read(Self.cacheDescription(header)) else { return false }
        defer { Wipe.data(&key) }
        return verify(key, header)
    }

    // MARK: Format

    static let itemSuffix = ".item"
    static let itemMagic = Data("VLT1".utf8)
    var headerPath: String { directory + "/store.json" }

    struct Header: Encodable {
        var format: Int
        var id: String
        var kdf: String
        var scrypt: KDF.ScryptParameters
        var salt: String
        /// The data key sealed by the passphrase's key; associated data `vault-store:<id>`.
        var key: String
        /// `vault-file-store` sealed by the data key; associated data `vault-check:<id>`.
        var check: String
        /// SHA-256 of the fields above (`FileKeyring.digest`), so that a changed
        /// field is reported as such rather than as a wrong passphrase (a salt,
        /// a KDF parameter or the sealed key changed all fail like one). Not a
        /// MAC: whoever can write the file can recompute it; it tells damage
        /// and naive edits from a mistyped passphrase. Absent in stores made
        /// before it existed.
        var digest: String?
    }

    /// The digest `Header.digest` holds: every other field, one a line.
    static func digest(_ header: Header) throws -> String {
        let fields = [
            "vault-store-header", String(header.format), header.id, header.kdf,
            "\(header.scrypt.logN),\(header.scrypt.r),\(header.scrypt.p)", header.salt, header.key, header.check,
        ]
        return Hex.encode(try Digest.sha256(fields.joined(separator: "\n")))
    }

    static func itemAssociatedData(key: String) -> Data { Data(("vault-item:" + key).utf8) }

    static func cacheDescription(_ header: Header) -> String { "vault:file-store:" + header.id }

    private func itemPath(_ key: String) throws -> String {
        let file = Base64URL.encode(key) + Self.itemSuffix
        guard !key.isEmpty, file.utf8.count <= 255 else {
            throw KeyringError.io(path: directory + "/…", operation: "name an item file for a key this long:", errno: ENAMETOOLONG)
        }
        return directory + "/" + file
    }

    private func readHeader() throws -> Header? {
        guard let bytes = try readFile(headerPath) else { return nil }
        return try Self.parseHeader(bytes, path: headerPath)
    }

    /// A header file's bytes read as a header: no I/O, so a fuzz target
    /// (Tests/Fuzz/fuzz-filestore) can feed it anything a disk can hold.
    static func parseHeader(_ bytes: Data, path: String) throws -> Header {
        let header: Header
        do {
            header = try Header(json: JSONValue.parse(bytes))
        } catch {
            throw KeyringError.damagedFile(path: path, detail: "not valid JSON")
        }
        guard header.format == 1, header.kdf == "scrypt" else {
            throw KeyringError.damagedFile(path: path, detail: "unknown format \(header.format) or KDF \(header.kdf)")
        }
        if let digest = header.digest, digest != (try Self.digest(header)) {
            throw KeyringError.headerAltered(path: path)
        }
        guard KDF.ScryptParameters.accepted(header.scrypt) else {
            throw KeyringError.damagedFile(path: path, detail: "scrypt parameters out of range")
        }
        return header
    }

    /// An item file's sealed value, after its `VLT1` magic; pure, as `parseHeader`.
    /// nil when the bytes are not a vault item file (no `VLT1`).
    static func sealedItem(_ contents: Data) -> Data? {
        guard contents.count > itemMagic.count, contents.prefix(itemMagic.count) == itemMagic else { return nil }
        return contents.dropFirst(itemMagic.count)
    }

    private func verify(_ key: Data, _ header: Header) -> Bool {
        guard key.count == AEAD.keySize, let check = Data(base64Encoded: header.check) else { return false }
        return (try? AEAD.open(check, key: key, associatedData: Data(("vault-check:" + header.id).utf8))) == Data("vault-file-store".utf8)
    }

    // MARK: Unlock

    /// The data key: from memory, from the kernel keyring, or from the passphrase.
    private func unlock(_ header: Header, passphrase given: String? = nil) throws -> Data {
        if let key = dataKey.withLock({ $0 }) { return key }
        let description = Self.cacheDescription(header)
        if unlockCache.isOn, var cached = KernelKeyring.read(description) {
            if verify(cached, header) {
                Debug.log("store", "file store unlocked with the key kept in the kernel keyring")
                dataKey.withLock { $0 = cached }
                return cached
            }
            Wipe.data(&cached)
        }
        guard let salt = Data(base64Encoded: header.salt), let sealedKey = Data(base64Encoded: header.key) else {
            throw KeyringError.damagedFile(path: headerPath, detail: "bad salt or key encoding")
        }
        var secret = Data(try (given ?? obtainPassphrase(creating: false)).utf8)
        defer { Wipe.data(&secret) }
        var wrappingKey = try KDF.scrypt(passphrase: secret, salt: salt, parameters: header.scrypt)
        defer { Wipe.data(&wrappingKey) }
        let key: Data
        do {
            key = try AEAD.open(sealedKey, key: wrappingKey, associatedData: Data(("vault-store:" + header.id).utf8))
        } catch CryptoError.authenticationFailed {
            throw KeyringError.wrongPassphrase(directory: directory)
        } catch {
            throw KeyringError.damagedFile(path: headerPath, detail: "the sealed key is malformed")
        }
        guard verify(key, header) else { throw KeyringError.damagedFile(path: headerPath, detail: "the check value does not match") }
        Debug.log("store", "file store unlocked with the passphrase (scrypt)")
        remember(key, header)
        return key
    }

    private func remember(_ key: Data, _ header: Header) {
        dataKey.withLock { $0 = key }
        if unlockCache.isOn { _ = KernelKeyring.store(Self.cacheDescription(header), key, ttl: unlockTTL) }
    }

    /// The error for items without the header that holds their key.
    private func headerMissing() throws -> KeyringError {
        .headerMissing(directory: directory, items: try keys().count)
    }

    /// Unlocks the store, creating it first (passphrase asked twice) when it
    /// has neither a header nor items yet. Items without a header are refused:
    /// a new header would hold a new key, and they could never be read again.
    private func unlockOrCreate() throws -> Data {
        if let header = try readHeader() { return try unlock(header) }
        guard try keys().isEmpty else { throw try headerMissing() }
        let passphrase = try obtainPassphrase(creating: true)
        var created: Header?
        try withWriteLock {
            if try readHeader() != nil { return }  // another writer created it meanwhile
            guard try keys().isEmpty else { throw try headerMissing() }
            var secret = Data(passphrase.utf8)
            defer { Wipe.data(&secret) }
            let id = try Random.bytes(16).map { String($0, radix: 16).leftPadded(2) }.joined()
            let salt = try Random.bytes(16)
            var key = try Random.bytes(AEAD.keySize)
            defer { Wipe.data(&key) }
            var wrappingKey = try KDF.scrypt(passphrase: secret, salt: salt, parameters: .standard)
            defer { Wipe.data(&wrappingKey) }
            var header = Header(
                format: 1, id: id, kdf: "scrypt", scrypt: .standard, salt: salt.base64EncodedString(),
                key: try AEAD.seal(key, key: wrappingKey, associatedData: Data(("vault-store:" + id).utf8)).base64EncodedString(),
                check: try AEAD.seal(Data("vault-file-store".utf8), key: key, associatedData: Data(("vault-check:" + id).utf8)).base64EncodedString())
            header.digest = try Self.digest(header)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try atomicWrite(try encoder.encode(header), to: headerPath)
            remember(key, header)
            created = header
        }
        if created != nil, let key = dataKey.withLock({ $0 }) { return key }
        guard let header = try readHeader() else { throw KeyringError.damagedFile(path: headerPath, detail: "vanished while opening") }
        return try unlock(header, passphrase: passphrase)
    }

    private func obtainPassphrase(creating: Bool) throws -> String {
        if let passphrase { return passphrase }
        let answer: String
        do {
            answer = try prompt(creating)
        } catch PromptError.noTerminal {
            throw KeyringError.noPassphrase(directory: directory)
        }
        guard !answer.isEmpty else { throw KeyringError.emptyPassphrase }
        return answer
    }

    // MARK: Files

    /// Checks that the directory is this user's and that no one else can
    /// write it; creates it (0700) when asked. Returns whether it exists.
    private func checkDirectory(create: Bool) throws -> Bool {
        var info = stat()
        if stat(directory, &info) != 0 {
            guard errno == ENOENT else { throw KeyringError.io(path: directory, operation: "open", errno: errno) }
            guard create else { return false }
            try makeDirectories(directory)
            guard stat(directory, &info) == 0 else { throw KeyringError.io(path: directory, operation: "create", errno: errno) }
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw KeyringError.unsafePermissions(path: directory, detail: "it is not a directory")
        }
        try checkOwnership(info, path: directory, fix: "chmod 700 \(directory)")
        return true
    }

    private func checkOwnership(_ info: stat, path: String, fix: String) throws {
        guard info.st_uid == getuid() else {
            throw KeyringError.unsafePermissions(path: path, detail: "it belongs to user id \(info.st_uid), not you")
        }
        guard info.st_mode & (S_IWGRP | S_IWOTH) == 0 else {
            throw KeyringError.unsafePermissions(path: path, detail: "others can write it (mode \(String(info.st_mode & 0o7777, radix: 8))); run: \(fix)")
        }
    }

    private func makeDirectories(_ path: String) throws {
        if let failure = PrivateFolders.create(path) {
            throw KeyringError.io(path: failure.path, operation: "create", errno: failure.errno)
        }
    }

    /// The file's bytes, or nil when it does not exist. Refuses files that
    /// others own or can write.
    private func readFile(_ path: String) throws -> Data? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw KeyringError.io(path: path, operation: "read", errno: errno)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw KeyringError.io(path: path, operation: "read", errno: errno) }
        try checkOwnership(info, path: path, fix: "chmod 600 \(path)")
        guard let data = FileBytes.readAll(fd) else { throw KeyringError.io(path: path, operation: "read", errno: errno) }
        return data
    }

    /// Through `AtomicFile`: temp file, fsync, rename over, fsync the directory.
    private func atomicWrite(_ data: Data, to path: String) throws {
        do {
            try AtomicFile.replace(path, mode: 0o600) { FileBytes.writeAll($0, data) }
        } catch {
            throw KeyringError.io(path: error.path, operation: error.operation, errno: error.errno)
        }
    }

    private func syncDirectory() throws {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw KeyringError.io(path: directory, operation: "open", errno: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw KeyringError.io(path: directory, operation: "sync", errno: errno) }
    }

    /// Runs `body` holding the store's exclusive write lock.
    private func withWriteLock<T>(_ body: () throws -> T) throws -> T {
        let path = directory + "/.lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw KeyringError.io(path: path, operation: "open", errno: errno) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw KeyringError.io(path: path, operation: "lock", errno: errno) }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Temp files left by a writer that was killed; only called under the write lock,
    /// when no other writer can have one open.
    private func removeStaleTemporaryFiles() {
        for file in (try? entries()) ?? [] where file.hasPrefix(".tmp-") || AtomicFile.isTemporary(file) { unlink(directory + "/" + file) }
    }

    /// The names in the store's directory.
    private func entries() throws -> [String] {
        guard let stream = opendir(directory) else { throw KeyringError.io(path: directory, operation: "list", errno: errno) }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            names.append(withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) })
        }
        return names
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

extension FileKeyring.Header {
    /// Read with `JSONValue` (the hot path; see there), as `Decodable` would.
    init(json: JSONValue) throws(JSONValue.Malformed) {
        let members = try JSONValue.Members(json)
        let scrypt = try members.object("scrypt")
        self.init(
            format: try members.int("format"), id: try members.string("id"), kdf: try members.string("kdf"),
            scrypt: KDF.ScryptParameters(logN: try scrypt.int("logN"), r: try scrypt.int("r"), p: try scrypt.int("p")),
            salt: try members.string("salt"), key: try members.string("key"), check: try members.string("check"),
            digest: try members.optionalString("digest"))
    }
}
