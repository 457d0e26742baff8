#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Replaces a file so that a reader sees the old content or the new, never
/// half: a temp file in the same folder (`mode`), fsync, rename over the
/// file, fsync of the folder (so the rename survives a crash).
enum AtomicWrite {
    /// nil on success, else why it failed (the temp file is removed).
    static func replace(_ path: String, with text: String, mode: mode_t) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        let folder = parts.count > 1 ? parts.dropLast().joined(separator: "/") : "."
        var template = Array(((folder.isEmpty ? "" : folder) + "/.vault-XXXXXX.tmp").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
        guard fd >= 0 else { return "cannot create a temp file in \(folder): \(String(cString: strerror(errno)))" }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let written = fchmod(fd, mode) == 0 && FileBytes.writeAll(fd, Data(text.utf8)) && fsync(fd) == 0
        let reason = String(cString: strerror(errno))
        close(fd)
        guard written, rename(temporary, path) == 0 else {
            let why = written ? String(cString: strerror(errno)) : reason
            unlink(temporary)
            return why
        }
        let dir = open(folder.isEmpty ? "/" : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 {
            fsync(dir)
            close(dir)
        }
        return nil
    }
}
