/// A `.vaultrc`: which profile (and optionally region) a directory tree uses.
///
/// It is parsed, never executed: `profile = NAME`, `region = NAME`, `#`
/// comments and blank lines; any other line is an error naming the file and
/// line, and then nothing of the file is used.
package struct RCFile: Sendable, Equatable {
    package static let name = ".vaultrc"

    package var path: String
    package var profile: String
    package var region: String?

    package init(path: String, profile: String, region: String? = nil) {
        self.path = path
        self.profile = profile
        self.region = region
    }

    /// Parses bytes already read (and checked for trust) by `RCFileBytes`;
    /// pure, so the fuzz harness can drive it.
    package static func parse(_ bytes: [UInt8], path: String) throws(ShellError) -> RCFile {
        try parse(String(decoding: bytes, as: UTF8.self), path: path)
    }

    package static func parse(_ text: String, path: String) throws(ShellError) -> RCFile {
        var profile: String?
        var region: String?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = rawLine.trimmingWhitespace
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw .rcSyntax(path: path, line: number, text: String(rawLine))
            }
            let key = line[..<equals].trimmingWhitespace
            let value = line[line.index(after: equals)...].trimmingWhitespace
            guard !value.isEmpty else { throw .rcSyntax(path: path, line: number, text: String(rawLine)) }
            switch key {
            case "profile":
                if profile != nil { throw .rcDuplicate(path: path, line: number, key: "profile") }
                profile = String(value)
            case "region":
                if region != nil { throw .rcDuplicate(path: path, line: number, key: "region") }
                region = String(value)
            default:
                throw .rcSyntax(path: path, line: number, text: String(rawLine))
            }
        }
        guard let profile else { throw .rcMissingProfile(path: path) }
        return RCFile(path: path, profile: profile, region: region)
    }

    /// The nearest `.vaultrc` in `directory` (lexical) or above it, found as
    /// the hook finds it: anything there but a folder (a FIFO or a symlink is
    /// then refused when read, with a message).
    package static func find(from directory: String) -> String? {
        var dir = directory
        while true {
            if dir == "/" { dir = "" }
            let candidate = dir + "/" + name
            if FileStatus.isPresentNonFolder(candidate) { return candidate }
            if dir.isEmpty { return nil }
            dir = String(dir[..<(dir.lastIndex(of: "/") ?? dir.startIndex)])
        }
    }
}

extension StringProtocol {
    /// Trims spaces, tabs and carriage returns at both ends.
    var trimmingWhitespace: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return Substring() }
        let last = lastIndex(where: { !isSpace($0) })!
        return Substring(self[first...last])
    }
}
