#if canImport(Glibc)
import Glibc
#endif

/// The one way vault replaces a file (config, file store items, SSO cache,
/// trust list): a reader sees the old content or the new, never half, and a
/// crash leaves at worst a stray temp file.
///
/// A temp file with an unguessable name is made in the same folder
/// (`mkstemps`: O_EXCL, so never through a planted symlink), written whole,
/// given `mode`, fsynced, renamed over `path` (the rename replaces a symlink
/// at `path` itself, never its target: callers that must write through a
/// link resolve it first), and the folder is fsynced so the rename survives
/// a crash. On failure the temp file is removed.
package enum AtomicFile {
    package struct Failure: Error {
        /// "create", "write" or "replace".
        package let operation: String
        package let path: String
        package let errno: Int32

        package var reason: String { String(cString: strerror(errno)) }
    }

    /// `contents` writes the whole file to the descriptor it is given (false with errno set on failure).
    package static func replace(_ path: String, mode: mode_t, contents: (Int32) -> Bool) throws(Failure) {
        let folder = folder(of: path)
        var template = Array((folder + "/." + name(of: path) + ".vault-XXXXXX.tmp").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
        guard fd >= 0 else { throw Failure(operation: "create", path: folder, errno: errno) }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        let temporary = String(cString: template)
        let written = contents(fd) && fchmod(fd, mode) == 0 && fsync(fd) == 0
        let code = errno
        close(fd)
        guard written else {
            unlink(temporary)
            throw Failure(operation: "write", path: temporary, errno: code)
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw Failure(operation: "replace", path: path, errno: code)
        }
        let directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            // Best effort: the data is safe; only the rename's durability is at stake.
            fsync(directory)
            close(directory)
        }
    }

    /// A temp file of this writer, by name (`.NAME.vault-XXXXXX.tmp`): a
    /// leftover of a writer that was killed when no writer is at work, which
    /// only a lock can tell.
    package static func isTemporary(_ name: String) -> Bool {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return false }
        // `.vault-` and mkstemps' six characters before `.tmp`.
        let stem = name.dropLast(4)
        return stem.count > 14 && stem.dropLast(6).hasSuffix(".vault-")
    }

    /// Removes what a killed writer of `path` left beside it. Call it only
    /// while holding the lock every writer of `path` takes, so that no temp
    /// file removed is one being written.
    package static func removeLeftovers(of path: String) {
        let folder = folder(of: path)
        let prefix = "." + name(of: path) + ".vault-"
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        var stale: [String] = []
        while let entry = readdir(directory) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if entryName.hasPrefix(prefix), isTemporary(entryName), entryName.count == prefix.count + 10 { stale.append(entryName) }
        }
        for entryName in stale { unlink(folder + "/" + entryName) }
    }

    static func name(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The folder holding `path` ("." for a bare name, "/" for a file at the root).
    package static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
