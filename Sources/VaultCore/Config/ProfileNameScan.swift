/// `vault list --profiles` on every Tab: the profile names of an all-ASCII
/// config in one pass over its bytes, with no String made for any line but
/// the profile headers.
///
/// It accepts exactly what `INIReader` (botocore's reading) accepts, and
/// gives up (nil) wherever the answer takes more than this pass: a byte
/// outside ASCII, a `[DEFAULT]` value spanning lines, or any error. The
/// caller then runs the full reader, which gives the same names or the
/// error with its file:line, so this pass never has to word an error.
struct ProfileNameScan {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let path: String

    /// The names, or nil for "ask the full reader".
    static func names(_ bytes: [UInt8], path: String) -> [String]? {
        bytes.withUnsafeBufferPointer { buffer in
            guard !buffer.contains(where: { $0 >= 0x80 }) else { return nil }
            return ProfileNameScan(bytes: buffer, path: path).scan()
        }
    }

    /// A byte range compared and hashed by its bytes (section headers).
    private struct Slice: Hashable {
        let bytes: UnsafeBufferPointer<UInt8>
        let range: Range<Int>

        static func == (a: Slice, b: Slice) -> Bool {
            a.range.count == b.range.count && (0..<a.range.count).allSatisfy { a.bytes[a.range.lowerBound + $0] == b.bytes[b.range.lowerBound + $0] }
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[range])))
        }
    }

    /// An option name of the current section: compared without case (ASCII), as botocore lower-cases them.
    private struct OptionName {
        let range: Range<Int>
        let hash: UInt64
    }

    private func scan() -> [String]? {
        var headers = Set<Slice>()
        var names: [String] = []
        var seenNames = Set<String>()
        var sectionOptions: [OptionName] = []
        var defaultOptions: [OptionName] = []
        var inSection = false, inDefaults = false
        // The option being read: its stripped first value, its line, and its
        // non-blank continuation lines (only those can make it fail to parse).
        var pendingFirst: Range<Int>? = nil
        var pendingLine = 0
        var pendingMore: [Range<Int>] = []
        var indentLevel = 0
        var lineNumber = 0

        func finishPending() -> Bool {
            guard let first = pendingFirst else { return true }
            defer { pendingFirst = nil; pendingMore.removeAll(keepingCapacity: true) }
            guard !pendingMore.isEmpty else { return true }
            // A [DEFAULT] value is parsed where each section inherits it: the full reader's work.
            if inDefaults { return false }
            return (try? checkValue(first: first, more: pendingMore, line: pendingLine)) != nil
        }

        var start = 0, index = 0
        let count = bytes.count
        while start < count || index < count {
            // The next line, split at \n, \r\n and \r as Python's text mode does.
            while index < count, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
            let line = start..<index
            if index < count { index += (bytes[index] == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A) ? 2 : 1 }
            start = index
            lineNumber += 1

            let value = stripped(line)
            // A blank line inside a value cannot make it fail to parse: skipped.
            if value.isEmpty { continue }
            let first = bytes[value.lowerBound]
            if first == UInt8(ascii: "#") || first == UInt8(ascii: ";") { continue }
            let indent = value.lowerBound - line.lowerBound
            if pendingFirst != nil, indent > indentLevel {
                pendingMore.append(value)
                continue
            }
            indentLevel = indent
            guard finishPending() else { return nil }

            if let header = sectionHeader(value) {
                inDefaults = equals(header, "DEFAULT")
                inSection = !inDefaults
                sectionOptions.removeAll(keepingCapacity: true)
                if inSection {
                    guard headers.insert(Slice(bytes: bytes, range: header)).inserted else { return nil }
                    if let name = profileName(header), seenNames.insert(name).inserted { names.append(name) }
                }
                continue
            }
            guard inSection || inDefaults else { return nil }  // an option before any section
            guard let delimiter = value.firstIndex(where: { bytes[$0] == UInt8(ascii: "=") || bytes[$0] == UInt8(ascii: ":") }) else {
                return nil
            }
            let nameRange = stripped(value.lowerBound..<delimiter)
            guard !nameRange.isEmpty else { return nil }
            let name = OptionName(range: nameRange, hash: foldedHash(nameRange))
            // A name defined twice in one section (or in [DEFAULT]) is an error.
            if inDefaults {
                guard !defaultOptions.contains(where: { sameName($0, name) }) else { return nil }
                defaultOptions.append(name)
            } else {
                guard !sectionOptions.contains(where: { sameName($0, name) }) else { return nil }
                sectionOptions.append(name)
            }
            pendingFirst = stripped((delimiter + 1)..<value.upperBound)
            pendingLine = lineNumber
        }
        guard finishPending() else { return nil }
        return names
    }

    /// What `INIReader.entry` does with a value spanning lines: only a nested
    /// value (`s3 =` then `key = value` lines) can fail, on a line without `=`.
    private func checkValue(first: Range<Int>, more: [Range<Int>], line: Int) throws(ConfigError) {
        var option = INIReader.PendingOption(
            name: "", first: string(first), location: SourceLocation(file: path, line: line))
        option.more = more.map(string)
        _ = try INIReader(path: path, namesOnly: true).entry(option)
    }

    // MARK: Bytes

    private func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// `str.strip()` for ASCII.
    private func stripped(_ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound, end = range.upperBound
        while start < end, PythonText.isASCIISpace(bytes[start]) { start += 1 }
        while end > start, PythonText.isASCIISpace(bytes[end - 1]) { end -= 1 }
        return start..<end
    }

    /// `\[(?P<header>.+)\]` on a stripped line: between the `[` and the last `]`, not empty.
    private func sectionHeader(_ range: Range<Int>) -> Range<Int>? {
        guard bytes[range.lowerBound] == UInt8(ascii: "[") else { return nil }
        var close = range.upperBound - 1
        while close > range.lowerBound, bytes[close] != UInt8(ascii: "]") { close -= 1 }
        guard close > range.lowerBound + 1 else { return nil }
        return (range.lowerBound + 1)..<close
    }

    private func equals(_ range: Range<Int>, _ text: StaticString) -> Bool {
        range.count == text.utf8CodeUnitCount && (0..<range.count).allSatisfy { bytes[range.lowerBound + $0] == text.utf8Start[$0] }
    }

    /// botocore's `build_profile_map`: `[default]`, and `[profile NAME]` (any
    /// header starting `profile` that `shlex.split`s into two words).
    private func profileName(_ header: Range<Int>) -> String? {
        if equals(header, "default") { return "default" }
        guard header.count >= 7, equals(header.lowerBound..<(header.lowerBound + 7), "profile") else { return nil }
        let quoted = header.contains { bytes[$0] == UInt8(ascii: "'") || bytes[$0] == UInt8(ascii: "\"") || bytes[$0] == UInt8(ascii: "\\") }
        if quoted {
            guard let words = try? PythonText.shlexSplit(string(header)), words.count == 2 else { return nil }
            return words[1]
        }
        // shlex's white space: space, tab, CR, LF (only space and tab can be inside a line).
        var words: [Range<Int>] = []
        var index = header.lowerBound
        while index < header.upperBound {
            while index < header.upperBound, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
            guard index < header.upperBound else { break }
            let wordStart = index
            while index < header.upperBound, bytes[index] != 0x20, bytes[index] != 0x09 { index += 1 }
            words.append(wordStart..<index)
            guard words.count <= 2 else { return nil }
        }
        return words.count == 2 ? string(words[1]) : nil
    }

    private static func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }

    /// FNV-1a of the lower-cased name.
    private func foldedHash(_ range: Range<Int>) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for index in range { hash = (hash ^ UInt64(Self.lower(bytes[index]))) &* 0x100000001b3 }
        return hash
    }

    private func sameName(_ a: OptionName, _ b: OptionName) -> Bool {
        a.hash == b.hash && a.range.count == b.range.count
            && (0..<a.range.count).allSatisfy { Self.lower(bytes[a.range.lowerBound + $0]) == Self.lower(bytes[b.range.lowerBound + $0]) }
    }
}
