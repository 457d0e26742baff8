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
