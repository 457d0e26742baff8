#if canImport(Glibc)
import Glibc
#endif

/// `vault list --profiles` on every Tab: the profile names of an all-ASCII
/// config in one pass over its bytes, written straight into the bytes that
/// go to stdout (`name\n` each), with no String, no Set and no SipHash.
///
/// It accepts exactly what `INIReader` (botocore's reading) accepts, and
/// gives up (nil) wherever the answer takes more than this pass: a byte
/// outside ASCII, a `[DEFAULT]` value spanning lines, a nested value with an
/// odd line break in it, or any error. The caller then runs the full reader,
/// which gives the same names or the error with its file:line, so this pass
/// never has to word an error.
struct ProfileNameScan {
    private let bytes: UnsafePointer<UInt8>
    private let count: Int

    /// The names, or nil for "ask the full reader" (tests and small callers).
    static func names(_ bytes: [UInt8]) -> [String]? {
        let lines = bytes.withUnsafeBytes { Self.listing($0) }
        return lines.map { $0.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map { String(decoding: $0, as: UTF8.self) } }
    }

    /// Each name followed by `\n`, in file order, or nil for "ask the full reader".
    static func listing(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        // Offsets are kept in 32 bits (a 4 GiB config goes to the full reader).
        guard let base = bytes.baseAddress, bytes.count < Int(UInt32.max) else { return bytes.isEmpty ? [] : nil }
        let scan = ProfileNameScan(bytes: base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        guard let hasCR = scan.asciiOnly() else { return nil }
        return scan.scan(hasCR: hasCR)
    }

    /// Whether the file holds a `\r` (nil when a byte is outside ASCII), eight bytes at a time.
    private func asciiOnly() -> Bool? {
        let high: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
        var seen: UInt64 = 0, crs: UInt64 = 0
        var index = 0
        let raw = UnsafeRawPointer(bytes)
        while index + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            seen |= word
            let x = word ^ (ones &* 0x0D)  // a zero byte where the word has \r
            crs |= (x &- ones) & ~x & high
            index += 8
        }
        var hasCR = crs != 0
        while index < count {
            seen |= UInt64(bytes[index])
            hasCR = hasCR || bytes[index] == 0x0D
            index += 1
        }
        return seen & high == 0 ? hasCR : nil
    }

    private func scan(hasCR: Bool) -> [UInt8]? {
        // A profile takes about 150 bytes with its options: 128 sizes the
        // tables for the usual file, and a file of bare headers grows them.
        var headers = RangeTable(expected: count / 128)
        var sawDefault = false, respelled = false
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        var sectionOptions: [OptionName] = []
        var defaultOptions: [OptionName] = []
        var inSection = false, inDefaults = false
        // The option being read, and whether its first line's value is empty:
        // only then do its continuation lines make a nested value, which fails
        // on a line without `=`; any other value spanning lines cannot fail.
        var pending = false, pendingNested = false
        var indentLevel = 0

        var start = 0
        while start < count {
            // The next line, split at \n, \r\n and \r as Python's text mode does.
            var end: Int
            if hasCR {
                end = start
                while end < count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            } else if let newline = memchr(bytes + start, 0x0A, count - start) {
                end = UnsafePointer<UInt8>(newline.assumingMemoryBound(to: UInt8.self)) - bytes
            } else {
                end = count
            }
            let lineStart = start
            start = end < count ? end + ((bytes[end] == 0x0D && end + 1 < count && bytes[end + 1] == 0x0A) ? 2 : 1) : count

            // `line.strip()`; a blank line inside a value cannot make it fail to parse: skipped.
            var first = lineStart
            while first < end, PythonText.isASCIISpace(bytes[first]) { first += 1 }
            if first == end { continue }
            while PythonText.isASCIISpace(bytes[end - 1]) { end -= 1 }
            let lead = bytes[first]
            if lead == UInt8(ascii: "#") || lead == UInt8(ascii: ";") { continue }
            let indent = first - lineStart
            if pending, indent > indentLevel {
                // A [DEFAULT] value is parsed where each section inherits it: the full reader's work.
                if inDefaults { return nil }
                if pendingNested, !nestedLineParses(first..<end) { return nil }
                continue
            }
            indentLevel = indent
            pending = false

            if lead == UInt8(ascii: "["), let header = sectionHeader(first..<end) {
                inDefaults = equals(header, "DEFAULT")
                inSection = !inDefaults
                sectionOptions.removeAll(keepingCapacity: true)
                if inSection {
                    guard headers.insert(header, in: bytes) else { return nil }
                    addProfileName(header, to: &output, sawDefault: &sawDefault, respelled: &respelled)
                }
                continue
            }
            guard inSection || inDefaults else { return nil }  // an option before any section
            var delimiter = first
            while delimiter < end, bytes[delimiter] != UInt8(ascii: "="), bytes[delimiter] != UInt8(ascii: ":") { delimiter += 1 }
            guard delimiter < end else { return nil }
            var nameEnd = delimiter
            while nameEnd > first, PythonText.isASCIISpace(bytes[nameEnd - 1]) { nameEnd -= 1 }
            guard nameEnd > first else { return nil }
            let name = OptionName(start: first, end: nameEnd)
            // A name defined twice in one section (or in [DEFAULT]) is an error.
            if inDefaults {
                guard !defaultOptions.contains(where: { sameName($0, name) }) else { return nil }
                defaultOptions.append(name)
            } else {
                guard !sectionOptions.contains(where: { sameName($0, name) }) else { return nil }
                sectionOptions.append(name)
            }
            pending = true
            // The line is stripped, so its value is empty exactly when the delimiter ends it.
            pendingNested = delimiter + 1 == end
        }
        return respelled ? Self.deduplicated(output) : output
    }

    /// What `INIReader.entry` checks on each line of a nested value: it has
    /// an `=`. Python's `splitlines` also breaks at \v, \f and \x1c–\x1e:
    /// a line holding one of those goes to the full reader.
    private func nestedLineParses(_ line: Range<Int>) -> Bool {
        var hasEquals = false
        for index in line {
            switch bytes[index] {
            case UInt8(ascii: "="): hasEquals = true
            case 0x0B, 0x0C, 0x1C, 0x1D, 0x1E: return false
            default: break
            }
        }
        return hasEquals
    }

    /// botocore's `build_profile_map`: `[default]`, and `[profile NAME]` (any
    /// header starting `profile` that `shlex.split`s into two words). Appends
    /// the name and `\n` to `output`. Names of distinct headers differ when
    /// the header is `profile NAME` with one space and nothing to unquote
    /// (`canonical`), so only "default" and the other spellings can repeat:
    /// those set `respelled`, and `deduplicated` runs over the output.
    private func addProfileName(_ header: Range<Int>, to output: inout [UInt8], sawDefault: inout Bool, respelled: inout Bool) {
        if equals(header, "default") {
            if !sawDefault { output.append(contentsOf: "default\n".utf8) }
            sawDefault = true
            return
        }
        guard header.count >= 7, equals(header.lowerBound..<(header.lowerBound + 7), "profile") else { return }
        var quoted = false
        for index in header where bytes[index] == UInt8(ascii: "'") || bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "\\") {
            quoted = true
            break
        }
        let mark = output.count
        if quoted {
            // Rare: the exact shlex, on a String.
            let text = String(decoding: UnsafeBufferPointer(start: bytes + header.lowerBound, count: header.count), as: UTF8.self)
            guard let words = try? PythonText.shlexSplit(text), words.count == 2 else { return }
            output.append(contentsOf: words[1].utf8)
            respelled = true
        } else {
            // shlex's white space: space, tab, CR, LF (only space and tab can be inside a line).
            guard let word = secondOfTwoWords(header) else { return }
            output.append(contentsOf: UnsafeBufferPointer(start: bytes + word.lowerBound, count: word.count))
            let canonical = word.lowerBound == header.lowerBound + 8 && bytes[header.lowerBound + 7] == 0x20 && word.upperBound == header.upperBound
            if !canonical { respelled = true }
        }
        if output.count - mark == 7, equals(mark..<output.count, "default", in: output) {
            // `[profile default]` names the same profile as `[default]`.
            if sawDefault { output.removeSubrange(mark...); return }
            sawDefault = true
        }
        output.append(0x0A)
    }

    /// `output` with each line kept only where it first appears.
    private static func deduplicated(_ output: [UInt8]) -> [UInt8] {
        output.withUnsafeBufferPointer { lines in
            guard let base = lines.baseAddress else { return [] }
            var seen = RangeTable(expected: 16)
            var kept: [UInt8] = []
            kept.reserveCapacity(lines.count)
            var start = 0
            while start < lines.count {
                var end = start
                while lines[end] != 0x0A { end += 1 }
                if seen.insert(start..<end, in: base) { kept.append(contentsOf: lines[start...end]) }
                start = end + 1
            }
            return kept
        }
    }

    /// The second word of a header of exactly two words split at spaces and tabs.
    private func secondOfTwoWords(_ header: Range<Int>) -> Range<Int>? {
        var second: Range<Int>? = nil
        var words = 0
        var index = header.lowerBound
        while index < header.upperBound {
            while index < header.upperBound, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
            guard index < header.upperBound else { break }
            let wordStart = index
            while index < header.upperBound, bytes[index] != 0x20, bytes[index] != 0x09 { index += 1 }
            words += 1
            guard words <= 2 else { return nil }
            if words == 2 { second = wordStart..<index }
        }
        return second
    }

    // MARK: Bytes

    /// `\[(?P<header>.+)\]` on a stripped line starting `[`: between it and the last `]`, not empty.
    private func sectionHeader(_ line: Range<Int>) -> Range<Int>? {
        var close = line.upperBound - 1
        while close > line.lowerBound, bytes[close] != UInt8(ascii: "]") { close -= 1 }
        guard close > line.lowerBound + 1 else { return nil }
        return (line.lowerBound + 1)..<close
    }

    private func equals(_ range: Range<Int>, _ text: StaticString) -> Bool {
        range.count == text.utf8CodeUnitCount && memcmp(bytes + range.lowerBound, text.utf8Start, range.count) == 0
    }

    private func equals(_ range: Range<Int>, _ text: StaticString, in other: [UInt8]) -> Bool {
        range.count == text.utf8CodeUnitCount && other.withUnsafeBufferPointer { memcmp($0.baseAddress! + range.lowerBound, text.utf8Start, range.count) == 0 }
    }

    /// An option name of the current section: compared without case (ASCII),
    /// as botocore lower-cases them. A section has a handful: a list, no hash.
    private struct OptionName {
        let start: Int, end: Int
    }

    private static func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }

    private func sameName(_ a: OptionName, _ b: OptionName) -> Bool {
        guard a.end - a.start == b.end - b.start else { return false }
        for offset in 0..<(a.end - a.start) where Self.lower(bytes[a.start + offset]) != Self.lower(bytes[b.start + offset]) {
            return false
        }
        return true
    }
}

/// A set of byte ranges (of one buffer, passed to each call) compared by
/// their bytes: open addressing on FNV-1a, grown at half full. The section
/// headers of a 5,000-profile file went through `Set` and SipHash in a
/// tenth of `list --profiles`' time; this is a few instructions a byte.
private struct RangeTable: ~Copyable {
    /// 0 is empty; else (offset + 1) << 32 | length. From calloc: pages the
    /// probes never touch are never faulted in.
    private var slots: UnsafeMutablePointer<UInt64>
    private var mask: Int
    private var used = 0

    /// Room for about `expected` ranges before the first growth.
    init(expected: Int) {
        var capacity = 256
        while capacity < expected * 2 { capacity *= 2 }
        slots = Self.allocate(capacity)
        mask = capacity - 1
    }

    deinit { free(slots) }

    private static func allocate(_ count: Int) -> UnsafeMutablePointer<UInt64> {
        guard let memory = calloc(count, MemoryLayout<UInt64>.stride) else { fatalError("out of memory") }
        return memory.assumingMemoryBound(to: UInt64.self)
    }

    /// Adds `range`; false when the same bytes are in already.
    mutating func insert(_ range: Range<Int>, in bytes: UnsafePointer<UInt8>) -> Bool {
        var slot = Self.hash(bytes + range.lowerBound, range.count) & mask
        while slots[slot] != 0 {
            let length = Int(slots[slot] & 0xFFFF_FFFF), offset = Int(slots[slot] >> 32) - 1
            if length == range.count, memcmp(bytes + offset, bytes + range.lowerBound, length) == 0 { return false }
            slot = (slot + 1) & mask
        }
        slots[slot] = UInt64(range.lowerBound + 1) << 32 | UInt64(range.count)
        used += 1
        if used * 2 > mask { grow(bytes) }
        return true
    }

    private mutating func grow(_ bytes: UnsafePointer<UInt8>) {
        let old = slots, oldCount = mask + 1
        slots = Self.allocate(oldCount * 2)
        mask = oldCount * 2 - 1
        for index in 0..<oldCount where old[index] != 0 {
            let length = Int(old[index] & 0xFFFF_FFFF), offset = Int(old[index] >> 32) - 1
            var slot = Self.hash(bytes + offset, length) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = old[index]
        }
        free(old)
    }

    /// FNV-1a, with the high bits folded down (the table indexes by the low ones).
    private static func hash(_ start: UnsafePointer<UInt8>, _ count: Int) -> Int {
        var hash: UInt64 = 0xcbf29ce484222325
        for index in 0..<count { hash = (hash ^ UInt64(start[index])) &* 0x100000001b3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
