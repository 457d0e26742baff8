/// A config file's UTF-8 bytes with the scanning `INIReader` needs, on plain
/// `Int` ranges: line breaks, Python's `strip()`, indentation, section
/// headers and option delimiters. Works on bytes while they are ASCII (the
/// delimiters and line breaks always are) and falls back to Unicode scalars
/// (`PythonText`) where a byte at an edge may start a Unicode space, so the
/// result is Python's to the character.
struct ConfigBytes {
    let bytes: [UInt8]

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The line ranges, split at `\n`, `\r\n` and `\r` as Python's text mode does.
    func lines() -> [Range<Int>] {
        var lines: [Range<Int>] = []
        lines.reserveCapacity(bytes.count / 24 + 1)
        var start = 0, index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(start..<index)
                index += (byte == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A) ? 2 : 1
                start = index
            } else {
                index += 1
            }
        }
        if start < count { lines.append(start..<count) }
        return lines
    }

    /// `str.strip()` of the range, as a range.
    func stripped(_ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound, end = range.upperBound
        while start < end {
            let byte = bytes[start]
            if byte >= 0x80 { return strippedScalars(range) }
            guard PythonText.isASCIISpace(byte) else { break }
            start += 1
        }
        while end > start {
            let byte = bytes[end - 1]
            if byte >= 0x80 { return strippedScalars(range) }
            guard PythonText.isASCIISpace(byte) else { break }
            end -= 1
        }
        return start..<end
    }

    private func strippedScalars(_ range: Range<Int>) -> Range<Int> {
        let text = string(range)
        let scalars = text.unicodeScalars
        var leading = 0, trailing = 0
        for scalar in scalars {
            guard PythonText.isSpace(scalar) else { break }
            leading += UTF8.width(scalar)
        }
        if leading == range.count { return range.lowerBound..<range.lowerBound }
        for scalar in scalars.reversed() {
            guard PythonText.isSpace(scalar) else { break }
            trailing += UTF8.width(scalar)
        }
        return (range.lowerBound + leading)..<(range.upperBound - trailing)
    }

    /// How many characters of leading white space the line has.
    func indentation(_ range: Range<Int>) -> Int {
        var count = 0
        for index in range {
            let byte = bytes[index]
            if byte >= 0x80 { return string(range).unicodeScalars.prefix(while: PythonText.isSpace).count }
            guard PythonText.isASCIISpace(byte) else { break }
            count += 1
        }
        return count
    }

    /// `\[(?P<header>.+)\]` at the start of a stripped line: the text between
    /// the first `[` and the last `]`, not empty.
    func sectionHeader(_ range: Range<Int>) -> String? {
        guard let first = range.first, bytes[first] == UInt8(ascii: "[") else { return nil }
        var close = range.upperBound - 1
        while close > first, bytes[close] != UInt8(ascii: "]") { close -= 1 }
        guard close > first + 1 else { return nil }
        return string((first + 1)..<close)
    }

    /// `(?P<option>.*?)\s*(?P<vi>=|:)\s*(?P<value>.*)$` on a stripped line:
    /// the name up to the first delimiter, lower-cased, and the stripped value.
    func option(_ range: Range<Int>) -> (name: String, value: String)? {
        guard let delimiter = range.first(where: { bytes[$0] == UInt8(ascii: "=") || bytes[$0] == UInt8(ascii: ":") }) else {
            return nil
        }
        let nameRange = stripped(range.lowerBound..<delimiter)
        var isLower = true
        for index in nameRange where bytes[index] >= 0x80 || (0x41...0x5A).contains(bytes[index]) {
            isLower = false
            break
        }
        let name = isLower ? string(nameRange) : string(nameRange).lowercased()
        return (name, string(stripped((delimiter + 1)..<range.upperBound)))
    }
}
