#if canImport(Glibc)
import Glibc
#endif

/// Which `.vaultrc` files a person has allowed, as direnv's allow list, tighter.
///
/// A file is allowed when `allow/<sha256(path + "\n" + content)>` exists
/// under vault's data folder, so an edit needs allowing again. `deny/<sha256(path)>`
/// marks a path denied whatever its content. The path is the lexical absolute
/// path the shell sees, never a symlink's target: a symlinked `.vaultrc` does
/// not borrow its target's trust, and is refused unless that link path itself
/// was allowed. The bytes hashed are the bytes parsed (`RCFileBytes`). A file
/// that others could write or that belongs to someone else is refused
/// whatever the lists say, and so is everything when the list's own folders
/// are not private. Every allow or deny bumps `generation`, which the shell
/// hook reads (with a builtin) to notice the change at the next prompt.
package struct TrustStore: Sendable {
    package enum Status: Sendable, Equatable {
        case allowed
        case notAllowed
        case denied
        case refused(ShellError)
    }

    /// What one look at a `.vaultrc` found: its status, and when it was read,
    /// the bytes that status is about.
    package struct Inspection: Sendable {
        package var status: Status
        package var file: RCFileBytes?
    }

    package let directory: String

    package init(settings: Settings) {
        directory = settings.vaultDataDirectory
    }

    package init(directory: String) {
        self.directory = directory
    }

    var allowDirectory: String { directory + "/allow" }
    var denyDirectory: String { directory + "/deny" }
    var seenDirectory: String { directory + "/" + Self.seenName }
    package var generationPath: String { directory + "/" + Self.generationName }

    static let generationName = "generation"
    static let seenName = "seen"
    /// The generation counter and the stamps' folder under the data home
    /// (`$XDG_DATA_HOME`), as the hooks, which read them with builtins, spell them.
    static var generationInDataHome: String { Settings.vaultFolderName + "/" + generationName }
    static var seenInDataHome: String { Settings.vaultFolderName + "/" + seenName }

    /// `nil` when the file may be used as far as ownership and modes go.
    static func unsafeReason(_ info: stat) -> String? {
        if info.st_uid != getuid() && info.st_uid != 0 { return "owned by another user (uid \(info.st_uid))" }
        if info.st_mode & 0o022 != 0 { return "writable by group or others" }
        return nil
    }

    static func allowKey(path: String, content: [UInt8]) throws(ShellError) -> String {
        try hash(Array(path.utf8) + [0x0a] + content)
    }

    static func denyKey(path: String) throws(ShellError) -> String {
        try hash(Array(path.utf8))
    }

    /// SHA-256 as hex; without libcrypto, the error that says which package to install.
    private static func hash(_ bytes: [UInt8]) throws(ShellError) -> String {
        do {
            return Hex.encode(try Digest.sha256(bytes))
        } catch {
            throw .systemLibrary(message: (error as? VaultError)?.message ?? "\(error)")
        }
    }

    /// The trust list's folders must be private, as the key store's are.
    func checkFolders() throws(ShellError) {
        for folder in [directory, allowDirectory, denyDirectory] {
            if let reason = PrivateFolders.unsafeReason(folder) { throw .trustStoreUnsafe(path: folder, reason: reason) }
        }
    }

    package func status(of rcPath: String) throws(ShellError) -> Status { try inspect(rcPath).status }

    /// Reads the file at `rcPath` (lexical absolute) once and says whether
    /// those bytes may be used.
    /// Throws only what no `.vaultrc` can fix (a system library missing).
    package func inspect(_ rcPath: String) throws(ShellError) -> Inspection {
        let path = LexicalPath.clean(rcPath)
        do throws(ShellError) {
            try checkFolders()
            if FileStatus.exists(denyDirectory + "/" + (try Self.denyKey(path: path))) { return Inspection(status: .denied) }
            // A symlink is read (through the link) only to see whether this
            // link path was allowed with this content; otherwise it is refused.
            let file = try RCFileBytes.read(path, followSymlink: true)
            if let reason = Self.unsafeReason(file.info) {
                return Inspection(status: .refused(.unsafePermissions(path: path, reason: reason)), file: file)
            }
            let allowed = FileStatus.exists(try allowEntry(for: file))
            if file.isSymlink && !allowed {
                return Inspection(status: .refused(.rcSymlink(path: path, target: RCFileBytes.target(of: path))), file: file)
            }
            return Inspection(status: allowed ? .allowed : .notAllowed, file: file)
        } catch {
            if case .systemLibrary = error { throw error }
            return Inspection(status: .refused(error))
        }
    }

    /// The allow-list entry for these bytes at their path (it exists when
    /// they are allowed). The hook watches it with `-f` and `-nt`: a denial
    /// removes it, an edit makes the `.vaultrc` newer than it.
    package func allowEntry(for file: RCFileBytes) throws(ShellError) -> String {
        allowDirectory + "/" + (try Self.allowKey(path: file.path, content: file.bytes))
    }

    /// Records the file's current content as allowed at this path (a
    /// symlink's own path, when it is one) and lifts a denial.
    package func allow(_ rcPath: String) throws(ShellError) {
        let path = LexicalPath.clean(rcPath)
        try checkFolders()
        let file = try RCFileBytes.read(path, followSymlink: true)
        if let reason = Self.unsafeReason(file.info) { throw .unsafePermissions(path: path, reason: reason) }
        _ = try RCFile.parse(file.bytes, path: path)
        try prepare(allowDirectory)
        try removeEntries(for: path, in: allowDirectory)
        try write(try allowEntry(for: file), path + "\n")
        unlink(denyDirectory + "/" + (try Self.denyKey(path: path)))
        try bumpGeneration()
    }

    /// Forgets every allowed version of the file and marks its path denied.
    /// Only this path: not the file a symlink here points at.
    package func deny(_ rcPath: String) throws(ShellError) {
        let path = LexicalPath.clean(rcPath)
        try checkFolders()
        try prepare(allowDirectory)
        try prepare(denyDirectory)
        try removeEntries(for: path, in: allowDirectory)
        try write(denyDirectory + "/" + (try Self.denyKey(path: path)), path + "\n")
        try bumpGeneration()
    }

    private func removeEntries(for path: String, in folder: String) throws(ShellError) {
        guard let dir = opendir(folder) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasPrefix(".") { continue }
            if FileText.read(folder + "/" + name) == path + "\n" { unlink(folder + "/" + name) }
        }
    }

    private func bumpGeneration() throws(ShellError) {
        let current = FileText.read(generationPath).flatMap { Int($0.trimmingWhitespace.split(separator: "\n").first ?? "") } ?? 0
        try write(generationPath, "\(current + 1)\n")
    }

    func prepare(_ folder: String) throws(ShellError) {
        // The data folder's parents (~/.local/share) may be missing too.
        if !FileStatus.exists(folder), let failure = PrivateFolders.create(folder) {
            throw .trustStore(path: failure.path, reason: String(cString: strerror(failure.errno)))
        }
    }

    /// Through `AtomicFile` (temp file, fsync, rename), mode 0600.
    func write(_ path: String, _ text: String) throws(ShellError) {
        do {
            try AtomicFile.replace(path, mode: 0o600) { fd in
                var text = text
                return text.withUTF8 { FileBytes.writeAll(fd, UnsafeRawBufferPointer($0)) }
            }
        } catch {
            throw .trustStore(path: path, reason: error.reason)
        }
    }
}

/// Small `stat` questions.
package enum FileStatus {
    package static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    package static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    /// True for anything at `path` but a folder (through symlinks), as the
    /// hook's `[[ -e F && ! -d F ]]`: a FIFO or a symlink named `.vaultrc` is
    /// found, then refused with a message.
    package static func isPresentNonFolder(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) != S_IFDIR
    }
}
