#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Appends to the AWS config without losing anything: under an exclusive
/// `flock` on `<config>.lock` (so two writers queue instead of overwriting
/// each other), the file is read afresh, the addition computed from what is
/// there now, the result checked with vault's botocore-exact reader, written
/// to a temp file next to the real file (same mode, fsync) and renamed over
/// it. A symlinked config (dotfile repos) is followed: the file it points at
/// is replaced, the link stays.
///
/// Small and self-contained on purpose; the locked editor `vault add` gets
/// can absorb it.
package enum ConfigAppend {
    /// `addition` gets the current text and returns what to append (nil:
    /// nothing). Returns the text appended, after the separating newline.
    @discardableResult
    package static func append(to path: String, _ addition: (String) throws -> String?) throws -> String? {
        let target = resolved(path)
        let folder = target.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        if !folder.isEmpty, let failure = PrivateFolders.create(folder) {
            throw SSOError.configWrite(path: path, reason: "cannot create \(failure.path): \(String(cString: strerror(failure.errno)))")
        }
        let lockPath = target + ".lock"
        let lock = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard lock >= 0 else { throw SSOError.configWrite(path: path, reason: "cannot open the lock \(lockPath): \(String(cString: strerror(errno)))") }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 {
            guard errno == EINTR else { throw SSOError.configWrite(path: path, reason: "cannot lock \(lockPath): \(String(cString: strerror(errno)))") }
        }
        defer { flock(lock, LOCK_UN) }

        let (current, mode) = try read(target, display: path)
        guard let added = try addition(current), !added.isEmpty else { return nil }
        let separator = current.isEmpty || current.hasSuffix("\n") ? "" : "\n"
        let text = current + separator + added
        do {
            _ = try ConfigFile.parse(text, path: path)
        } catch {
            throw SSOError.configWrite(path: path, reason: "the result would not parse (\(error.message))")
        }
        if let reason = AtomicWrite.replace(target, with: text, mode: mode) {
            throw SSOError.configWrite(path: path, reason: reason)
        }
        return added
    }

    /// The file a symlink chain ends at (the path itself when it does not exist yet).
    static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    private static func read(_ path: String, display: String) throws -> (String, mode_t) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return ("", 0o600) }
            throw SSOError.configWrite(path: display, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, let bytes = FileBytes.readAll(fd, sizeHint: Int(info.st_size)) else {
            throw SSOError.configWrite(path: display, reason: "not a readable regular file")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw SSOError.configWrite(path: display, reason: "not UTF-8")
        }
        return (text, info.st_mode & 0o777)
    }
}
