#if canImport(Glibc)
import Glibc
#endif

/// `mkdir -p` for vault's own folders: every folder it creates is 0700.
package enum PrivateFolders {
    /// Creates `path` and its missing parents; nil on success, else the
    /// folder that could not be made and why (errno).
    package static func create(_ path: String) -> (path: String, errno: Int32)? {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST { return (prefix, errno) }
        }
        return nil
    }
}

extension PrivateFolders {
    /// Why `path` can't be trusted as one of vault's folders (not a folder,
    /// someone else's, writable by group or others), or nil when it is fine
    /// or missing. The file store's folder gets the same checks.
    package static func unsafeReason(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return errno == ENOENT ? nil : "cannot be read (\(String(cString: strerror(errno))))" }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return "is not a folder" }
        guard info.st_uid == getuid() else { return "belongs to user id \(info.st_uid), not you" }
        guard info.st_mode & (S_IWGRP | S_IWOTH) == 0 else {
            return "can be written by others (mode \(String(info.st_mode & 0o7777, radix: 8)))"
        }
        return nil
    }
}
