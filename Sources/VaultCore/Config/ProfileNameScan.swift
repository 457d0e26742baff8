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

    /// Whether the file holds a `\r` (nil when a byte is outside ASCII):
    /// the high bits OR-ed 32 bytes at a time, then one `memchr`.
    private func asciiOnly() -> Bool? {
        var seen: UInt64 = 0
        var index = 0
        let raw = UnsafeRawPointer(bytes)
        while index + 32 <= count {
            seen |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self)
            index += 32
        }
        while index < count {
            seen |= UInt64(bytes[index])
            index += 1
        }
        guard seen & 0x8080_8080_8080_8080 == 0 else { return nil }
        return memchr(bytes, 0x0D, count) != nil
    }

    private func scan(hasCR: Bool) -> [UInt8]? {
        // A profile takes about 150 bytes with its options: that sizes the
        // table for the usual file (each page of it is a fault), and a file
        // of bare headers grows it.
        var headers = RangeTable(expected: count / 150)
        var sawDefault = false, respelled = false
        var output = ByteBuffer(capacity: count / 16)
        var sectionOptions = OptionNames(), defaultOptions = OptionNames()
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
                sectionOptions.removeAll()
                if inSection {
                    guard headers.insert(header, in: bytes) else { return nil }
                    addProfileName(header, to: &output, sawDefault: &sawDefault, respelled: &respelled)
                }
                continue
            }
            guard inSection || inDefaults else { return nil }  // an option before any section
            let delimiter = firstDelimiter(first..<end)
            guard delimiter < end else { return nil }
            var nameEnd = delimiter
            while nameEnd > first, PythonText.isASCIISpace(bytes[nameEnd - 1]) { nameEnd -= 1 }
            guard nameEnd > first else { return nil }
            // A name defined twice in one section (or in [DEFAULT]) is an error.
            if inDefaults {
                guard defaultOptions.insert(first..<nameEnd, in: bytes) else { return nil }
            } else {
                guard sectionOptions.insert(first..<nameEnd, in: bytes) else { return nil }
            }
            pending = true
            // The line is stripped, so its value is empty exactly when the delimiter ends it.
            pendingNested = delimiter + 1 == end
        }
        return respelled ? Self.deduplicated(output.array()) : output.array()
    }

    /// The first `=` or `:` in `line` (its end when none), eight bytes at a
    /// time: the option names are most of the bytes the scan looks at.
    private func firstDelimiter(_ line: Range<Int>) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        var index = line.lowerBound
        while index + 8 <= line.upperBound {
            let word = UnsafeRawPointer(bytes).loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let equals = word ^ (ones &* 0x3D), colons = word ^ (ones &* 0x3A)
            // A high bit where a byte is zero, exact up to the lowest one (all bytes are ASCII).
            let found = (((equals &- ones) & ~equals) | ((colons &- ones) & ~colons)) & high
            if found != 0 { return index + found.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < line.upperBound, bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ":") { index += 1 }
        return index
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
    private func addProfileName(_ header: Range<Int>, to output: inout ByteBuffer, sawDefault: inout Bool, respelled: inout Bool) {
        if equals(header, "default") {
            if !sawDefault { output.append(StaticString("default\n")) }
            sawDefault = true
            return
        }
        guard header.count >= 7, equals(header.lowerBound..<(header.lowerBound + 7), "profile") else { return }
        // The usual header: `profile NAME`, one space, a name with nothing shlex would split or unquote.
        if header.count > 8, bytes[header.lowerBound + 7] == 0x20 {
            var index = header.lowerBound + 8
            while index < header.upperBound, !Self.isShlexSpecial(bytes[index]) { index += 1 }
            if index == header.upperBound {
                add(name: (header.lowerBound + 8)..<index, to: &output, sawDefault: &sawDefault)
                return
            }
        }
        respelled = true
        if header.contains(where: { bytes[$0] == UInt8(ascii: "'") || bytes[$0] == UInt8(ascii: "\"") || bytes[$0] == UInt8(ascii: "\\") }) {
            // Rare: the exact shlex, on a String.
            let text = String(decoding: UnsafeBufferPointer(start: bytes + header.lowerBound, count: header.count), as: UTF8.self)
            guard let words = try? PythonText.shlexSplit(text), words.count == 2 else { return }
            let name = Array(words[1].utf8)
            if name == Array("default".utf8) {
                if sawDefault { return }
                sawDefault = true
            }
            name.withUnsafeBufferPointer { output.append($0.baseAddress, count: $0.count) }
            output.append(0x0A)
        } else if let word = secondOfTwoWords(header) {
            add(name: word, to: &output, sawDefault: &sawDefault)
        }
    }

    /// Appends the name at `range` of the file and a newline; `[profile default]`
    /// names the same profile as `[default]`.
    private func add(name range: Range<Int>, to output: inout ByteBuffer, sawDefault: inout Bool) {
        if equals(range, "default") {
            if sawDefault { return }
            sawDefault = true
        }
        output.append(bytes + range.lowerBound, count: range.count)
        output.append(0x0A)
    }

    /// White space (space, tab: the ones a line can hold), quotes and backslash.
    private static func isShlexSpecial(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
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

    private static func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }

    /// The option names of one section, compared without case (ASCII), as
    /// botocore lower-cases them. A section has a handful: a list, no hash,
    /// no Array (its uniqueness checks were a tenth of the scan).
    private struct OptionNames: ~Copyable {
        private var names = UnsafeMutablePointer<Range<Int>>.allocate(capacity: 16)
        private var capacity = 16, count = 0

        deinit { names.deallocate() }

        mutating func removeAll() { count = 0 }

        /// Adds `name`; false when the section has it already.
        mutating func insert(_ name: Range<Int>, in bytes: UnsafePointer<UInt8>) -> Bool {
            for index in 0..<count where Self.same(names[index], name, in: bytes) { return false }
            if count == capacity {
                let larger = UnsafeMutablePointer<Range<Int>>.allocate(capacity: capacity * 2)
                larger.moveInitialize(from: names, count: count)
                names.deallocate()
                names = larger
                capacity *= 2
            }
            (names + count).initialize(to: name)
            count += 1
            return true
        }

        private static func same(_ a: Range<Int>, _ b: Range<Int>, in bytes: UnsafePointer<UInt8>) -> Bool {
            guard a.count == b.count else { return false }
            for offset in 0..<a.count where lower(bytes[a.lowerBound + offset]) != lower(bytes[b.lowerBound + offset]) {
                return false
            }
            return true
        }
    }
}

/// The bytes of the listing, appended without Array's per-call checks.
private struct ByteBuffer: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int, count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    mutating func append(_ source: UnsafePointer<UInt8>?, count added: Int) {
        reserve(added)
        if let source { (start + count).update(from: source, count: added) }
        count += added
    }

    mutating func append(_ byte: UInt8) {
        reserve(1)
        start[count] = byte
        count += 1
    }

    mutating func append(_ text: StaticString) {
        append(text.utf8Start, count: text.utf8CodeUnitCount)
    }

    private mutating func reserve(_ added: Int) {
        guard count + added > capacity else { return }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: max(capacity * 2, count + added))
        larger.update(from: start, count: count)
        start.deallocate()
        start = larger
        capacity = max(capacity * 2, count + added)
    }

    func array() -> [UInt8] { Array(UnsafeBufferPointer(start: start, count: count)) }
}

/// A set of byte ranges (of one buffer, passed to each call) compared by
/// their bytes: open addressing on FNV-1a, grown at three quarters full. The section
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
        while capacity * 2 < expected * 3 { capacity *= 2 }
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
        if used * 4 > mask * 3 { grow(bytes) }
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
