/// Paths as the shell sees them: absolute, `.` and `..` resolved by text,
/// symlinks left as they are (direnv's rule). Trust is keyed on this path, so
/// a symlink never borrows the trust of the file it points at.
package enum LexicalPath {
    /// `path` made absolute against `directory` (itself absolute), then
    /// cleaned: repeated `/`, `.` and `..` removed without looking at the disk.
    package static func absolute(_ path: String, from directory: String) -> String {
        clean(path.hasPrefix("/") ? path : directory + "/" + path)
    }

    /// `/a//b/./c/../d/` → `/a/b/d`; `..` above `/` stays at `/`.
    package static func clean(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The folder part of an absolute path: `/a/b` → `/a`, `/a` → `/`.
    package static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }
}
