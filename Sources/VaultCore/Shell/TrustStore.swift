#if canImport(Glibc)
import Glibc
#endif

/// Which `.vaultrc` files a person has allowed, as direnv's allow list, tighter.
///
/// A file is allowed when `allow/<sha256(realpath + "\n" + content)>` exists
/// under vault's data folder, so an edit needs allowing again. `deny/<sha256(realpath)>`
/// marks a path denied whatever its content. A file that others could write or
/// that belongs to someone else is refused whatever the lists say. Every allow
/// or deny bumps `generation`, which the shell hook reads (with a builtin) to
/// notice the change at the next prompt.
package struct TrustStore: Sendable {
    package enum Status: Sendable, Equatable {
        case allowed
        case notAllowed
        case denied
        case refused(reason: String)
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
    package var generationPath: String { directory + "/generation" }

    /// The absolute, symlink-free path, so the same file has one identity.
    package static func canonical(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `nil` when the file may be used as far as ownership and modes go.
    package static func unsafeReason(_ path: String) -> String? {
        var st = stat()
        guard stat(path, &st) == 0 else { return "unreadable" }
        if st.st_uid != getuid() && st.st_uid != 0 { return "owned by another user (uid \(st.st_uid))" }
        if st.st_mode & 0o022 != 0 { return "writable by group or others" }
        return nil
    }

    static func allowKey(path: String, content: [UInt8]) throws -> String {
        Hex.encode(try Digest.sha256(Array(path.utf8) + [0x0a] + content))
    }

    static func denyKey(path: String) throws -> String {
        Hex.encode(try Digest.sha256(Array(path.utf8)))
    }

    package func status(of rcPath: String) throws -> Status {
        let path = Self.canonical(rcPath)
        if let reason = Self.unsafeReason(path) { return .refused(reason: reason) }
        if FileStatus.exists(denyDirectory + "/" + (try Self.denyKey(path: path))) { return .denied }
        guard let content = FileText.readBytes(path) else { return .refused(reason: "unreadable") }
        return FileStatus.exists(allowDirectory + "/" + (try Self.allowKey(path: path, content: content))) ? .allowed : .notAllowed
    }

    /// The allow-list entry for the file's current content (it exists when
    /// the file is allowed). The hook watches it with `-f` and `-nt`: a
    /// denial removes it, an edit makes the `.vaultrc` newer than it.
    package func allowEntry(for rcPath: String) throws -> String? {
        let path = Self.canonical(rcPath)
        guard let content = FileText.readBytes(path) else { return nil }
        return allowDirectory + "/" + (try Self.allowKey(path: path, content: content))
    }

    /// Records the file's current content as allowed and lifts a denial.
    package func allow(_ rcPath: String) throws {
        let path = Self.canonical(rcPath)
        if let reason = Self.unsafeReason(path) { throw ShellError.unsafePermissions(path: path, reason: reason) }
        guard let content = FileText.readBytes(path) else { throw ShellError.rcUnreadable(path: path, reason: "cannot open it") }
        _ = try RCFile.parse(String(decoding: content, as: UTF8.self), path: path)
        try prepare(allowDirectory)
        try removeEntries(for: path, in: allowDirectory)
        try write(allowDirectory + "/" + (try Self.allowKey(path: path, content: content)), path + "\n")
        unlink(denyDirectory + "/" + (try Self.denyKey(path: path)))
        try bumpGeneration()
    }

    /// Forgets every allowed version of the file and marks its path denied.
    package func deny(_ rcPath: String) throws {
        let path = Self.canonical(rcPath)
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

    private func prepare(_ folder: String) throws(ShellError) {
        // The data folder's parents (~/.local/share) may be missing too.
        if !FileStatus.exists(folder), let failure = PrivateFolders.create(folder) {
            throw .trustStore(path: failure.path, reason: String(cString: strerror(failure.errno)))
        }
    }

    /// Writes via a temporary file and rename, mode 0600.
    private func write(_ path: String, _ text: String) throws(ShellError) {
        let temporary = path + ".tmp.\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .trustStore(path: path, reason: String(cString: strerror(errno))) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw .trustStore(path: path, reason: String(cString: strerror(errno)))
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
}
