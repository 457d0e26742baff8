/// A JSON document (RFC 8259), read by hand.
///
/// Why not `JSONDecoder`: every `vault export` reads one or two small JSON
/// objects (the file store's header, a cached session, a Secret Service
/// envelope), and JSONDecoder's first use of each type costs about 0.3 ms of
/// generic-metadata set-up and protocol-conformance lookups — a quarter of
/// the time the file store takes (measured with perf). Writing stays with
/// `JSONEncoder`; reading is strict: no comments, trailing commas, leading
/// zeros, unescaped control characters, lone surrogates or invalid UTF-8,
/// and at most 64 levels of nesting. A repeated key keeps its last value.
/// A test checks it against Foundation's decoder on random documents.
package enum JSONValue: Equatable, Sendable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    package struct Malformed: Error, Equatable {
        /// Byte offset where reading stopped.
        package var offset: Int
    }

    package static func parse(_ bytes: some Sequence<UInt8>) throws(Malformed) -> JSONValue {
        var reader = Reader(bytes: Array(bytes))
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.index == reader.bytes.count else { throw Malformed(offset: reader.index) }
        return value
    }

    package subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { members[key] } else { nil }
    }

    package var string: String? {
        if case .string(let text) = self { text } else { nil }
    }

    /// A number with no fraction that fits an `Int`.
    package var int: Int? {
        guard case .number(let number) = self, number.rounded(.towardZero) == number,
              let exact = Int(exactly: number) else { return nil }
        return exact
    }

    package var bool: Bool? {
        if case .bool(let flag) = self { flag } else { nil }
    }

    /// The members of an object, for reading a struct from it as `Decodable`
    /// would: a required member must be there with its type; an optional one
    /// may be missing or null, but not of another type.
    package struct Members {
        package let value: JSONValue

        package init(_ value: JSONValue) throws(Malformed) {
            guard case .object = value else { throw Malformed(offset: 0) }
            self.value = value
        }

        package func string(_ key: String) throws(Malformed) -> String {
            guard let text = value[key]?.string else { throw Malformed(offset: 0) }
            return text
        }

        package func optionalString(_ key: String) throws(Malformed) -> String? {
            try optional(key) { $0.string }
        }

        package func optionalBool(_ key: String) throws(Malformed) -> Bool? {
            try optional(key) { $0.bool }
        }

        package func int(_ key: String) throws(Malformed) -> Int {
            guard let number = value[key]?.int else { throw Malformed(offset: 0) }
            return number
        }

        package func object(_ key: String) throws(Malformed) -> Members {
            guard let member = value[key] else { throw Malformed(offset: 0) }
            return try Members(member)
        }

        private func optional<T>(_ key: String, _ read: (JSONValue) -> T?) throws(Malformed) -> T? {
            guard let member = value[key], member != .null else { return nil }
            guard let typed = read(member) else { throw Malformed(offset: 0) }
            return typed
        }
    }
}

extension JSONValue {
    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        static let maximumDepth = 64

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        func fail() -> Malformed { Malformed(offset: index) }

        mutating func value(depth: Int) throws(Malformed) -> JSONValue {
            guard depth < Self.maximumDepth, index < bytes.count else { throw fail() }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            default: return .number(try number())
            }
        }

        mutating func literal(_ word: StaticString) throws(Malformed) {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { throw fail() }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { throw fail() }
            index += count
        }

        mutating func object(depth: Int) throws(Malformed) -> JSONValue {
            index += 1  // {
            var members: [String: JSONValue] = [:]
            skipSpace()
            if take("}") { return .object(members) }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail() }
                let key = try string()
                skipSpace()
                try expect(":")
                skipSpace()
                members[key] = try value(depth: depth + 1)
                skipSpace()
                if try endOrComma("}") { return .object(members) }
            }
        }

        mutating func array(depth: Int) throws(Malformed) -> JSONValue {
            index += 1  // [
            var elements: [JSONValue] = []
            skipSpace()
            if take("]") { return .array(elements) }
            while true {
                skipSpace()
                elements.append(try value(depth: depth + 1))
                skipSpace()
                if try endOrComma("]") { return .array(elements) }
            }
        }

        /// Steps over `byte` if it comes next.
        mutating func take(_ byte: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: byte) else { return false }
            index += 1
            return true
        }

        mutating func expect(_ byte: Unicode.Scalar) throws(Malformed) {
            guard take(byte) else { throw fail() }
        }

        /// True at the closing bracket, false after a comma.
        mutating func endOrComma(_ close: Unicode.Scalar) throws(Malformed) -> Bool {
            if take(close) { return true }
            try expect(",")
            return false
        }

        mutating func string() throws(Malformed) -> String {
            index += 1  // "
            var utf8: [UInt8] = []
            while true {
                guard index < bytes.count else { throw fail() }
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    guard let text = String(validating: utf8, as: UTF8.self) else { throw Malformed(offset: index - 1) }
                    return text
                case UInt8(ascii: "\\"):
                    try escape(into: &utf8)
                case 0..<0x20:
                    throw Malformed(offset: index - 1)
                default:
                    utf8.append(byte)
                }
            }
        }

        mutating func escape(into utf8: inout [UInt8]) throws(Malformed) {
            guard index < bytes.count else { throw fail() }
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(byte)
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {  // a high surrogate: its low half must follow
                    try expect("\\")
                    try expect("u")
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw fail() }
                    scalar = 0x10000 + (scalar - 0xD800) << 10 + (low - 0xDC00)
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw fail() }  // a lone low surrogate
                utf8.append(contentsOf: String(Character(unicode)).utf8)
            default:
                throw Malformed(offset: index - 1)
            }
        }

        mutating func hex4() throws(Malformed) -> UInt32 {
            guard index + 4 <= bytes.count else { throw fail() }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw fail()
                }
                value = value << 4 | UInt32(digit)
                index += 1
            }
            return value
        }

        /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
        mutating func number() throws(Malformed) -> Double {
            let start = index
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw fail() }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
            } else {
                digits()
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard index < bytes.count, isDigit(bytes[index]) else { throw fail() }
                digits()
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard index < bytes.count, isDigit(bytes[index]) else { throw fail() }
                digits()
            }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            guard let number = Double(text), number.isFinite else { throw Malformed(offset: start) }
            return number
        }

        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

        mutating func digits() {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
    }
}
