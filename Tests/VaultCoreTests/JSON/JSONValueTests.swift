import Foundation
import Testing
@testable import VaultCore

/// `JSONValue` reads what the stores and the session cache hold; it must read
/// what JSON means (RFC 8259) and refuse what is not JSON.
@Suite struct JSONValueTests {
    /// A random value and a random JSON text for it (spacing, escapes, number forms).
    struct Generator {
        var random: SplitMix

        mutating func value(depth: Int = 0) -> JSONValue {
            switch Int.random(in: 0..<(depth < 4 ? 7 : 4), using: &random) {
            case 0: return .null
            case 1: return .bool(Bool.random(using: &random))
            case 2: return .number(Double(Int.random(in: -1_000_000...1_000_000, using: &random)) / [1, 10, 1000][Int.random(in: 0..<3, using: &random)])
            case 3: return .string(string())
            case 4, 5:
                var members: [String: JSONValue] = [:]
                for _ in 0..<Int.random(in: 0..<5, using: &random) { members[string()] = value(depth: depth + 1) }
                return .object(members)
            default:
                return .array((0..<Int.random(in: 0..<5, using: &random)).map { _ in value(depth: depth + 1) })
            }
        }

        mutating func string() -> String {
            let pool: [Unicode.Scalar] = ["a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u{01}", "\u{7F}", "é", "€", "😀", "\u{FFFF}", "{", ","]
            var text = ""
            for _ in 0..<Int.random(in: 0..<8, using: &random) { text.unicodeScalars.append(pool.randomElement(using: &random)!) }
            return text
        }

        mutating func space() -> String {
            ["", " ", "\n", "\t ", "\r\n  "][Int.random(in: 0..<5, using: &random)]
        }

        mutating func text(_ value: JSONValue) -> String {
            switch value {
            case .null: return "null"
            case .bool(let flag): return flag ? "true" : "false"
            case .number(let number):
                if number == number.rounded(), Bool.random(using: &random) { return String(Int(number)) }
                return Bool.random(using: &random) ? "\(number)" : String(format: "%.6e", number)
            case .string(let string): return quoted(string)
            case .array(let elements):
                return "[" + space() + elements.map { text($0) }.joined(separator: space() + "," + space()) + space() + "]"
            case .object(let members):
                // Sorted: a dictionary's order changes from run to run, and with
                // it every random draw after this one.
                let body = members.sorted { $0.key < $1.key }.map { quoted($0.key) + space() + ":" + space() + text($0.value) }
                return "{" + space() + body.joined(separator: "," + space()) + space() + "}"
            }
        }

        /// Escapes what must be escaped, and at random what may be (\u forms, surrogate pairs, \/).
        mutating func quoted(_ string: String) -> String {
            var out = "\""
            for scalar in string.unicodeScalars {
                let mustEscape = scalar == "\"" || scalar == "\\" || scalar.value < 0x20
                if mustEscape || Int.random(in: 0..<4, using: &random) == 0 {
                    if scalar.value > 0xFFFF {
                        let v = scalar.value - 0x10000
                        out += String(format: "\\u%04X\\u%04x", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF))
                    } else if scalar == "/" {
                        out += "\\/"
                    } else {
                        out += String(format: "\\u%04x", scalar.value)
                    }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
    }

    @Test func readsRandomDocumentsBackExactly() throws {
        var generator = Generator(random: SplitMix(seed: 20261129))
        for _ in 0..<600 {
            let value = generator.value()
            let text = generator.space() + generator.text(value) + generator.space()
            #expect(try JSONValue.parse(Array(text.utf8)) == value, "\(text)")
        }
    }

    /// Whether a comma, outside any string, is followed (after spaces) by `]`
    /// or `}`. RFC 8259's grammar has no such comma, but Foundation's parser on
    /// Linux accepts it (`[1,]` parses there).
    static func hasTrailingComma(_ bytes: [UInt8]) -> Bool {
        var inString = false, escaped = false, afterComma = false
        for byte in bytes {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true; afterComma = false
            case UInt8(ascii: ","): afterComma = true
            case UInt8(ascii: "]"), UInt8(ascii: "}"): if afterComma { return true }
            case 0x20, 0x09, 0x0A, 0x0D: break
            default: afterComma = false
            }
        }
        return false
    }

    @Test func trailingCommaFinderSkipsStrings() throws {
        #expect(Self.hasTrailingComma(Array("[1,]".utf8)))
        #expect(Self.hasTrailingComma(Array("{\"a\":[{}, \n],\"b\":1}".utf8)))
        #expect(!Self.hasTrailingComma(Array("[\",]\", 1]".utf8)))
        #expect(Self.hasTrailingComma(Array("[\"\\\\\",]".utf8)))
    }

    /// Wherever Foundation's parser and this one disagree on accepting a
    /// damaged document, one of them is wrong about JSON. Foundation's one
    /// known error, the trailing comma, is judged by RFC 8259 instead.
    @Test func acceptsAndRefusesWhatFoundationDoes() throws {
        var generator = Generator(random: SplitMix(seed: 7))
        var refused = 0
        for _ in 0..<1500 {
            var bytes = Array(generator.text(generator.value()).utf8)
            let position = Int.random(in: 0..<bytes.count, using: &generator.random)
            switch Int.random(in: 0..<3, using: &generator.random) {
            case 0: bytes.remove(at: position)
            case 1: bytes.insert(Array(",:{}[]\"\\0-e.tn x\u{1}".utf8).randomElement(using: &generator.random)!, at: position)
            default: bytes[position] = UInt8.random(in: 0...255, using: &generator.random)
            }
            let foundation = (try? JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed)) != nil
            let expected = foundation && !Self.hasTrailingComma(bytes)
            let ours = (try? JSONValue.parse(bytes)) != nil
            if !ours { refused += 1 }
            #expect(ours == expected, "\(String(decoding: bytes, as: UTF8.self))")
        }
        #expect(refused > 300)
    }

    @Test(arguments: [
        "", " ", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "01", "-", "1.", ".5", "1e", "+1", "NaN", "Infinity",
        "\"\u{01}\"", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "tru", "nul", "[1 2]",
        "{\"a\":1}}", "1 2", "// c\n1", "'a'", "[1,,2]",
    ])
    func refusesWhatIsNotJSON(_ text: String) {
        #expect(throws: JSONValue.Malformed.self) { try JSONValue.parse(Array(text.utf8)) }
    }

    @Test func refusesInvalidUTF8AndDeepNesting() {
        #expect(throws: JSONValue.Malformed.self) { try JSONValue.parse([0x22, 0xC3, 0x28, 0x22]) }
        #expect(throws: JSONValue.Malformed.self) { try JSONValue.parse(Array((String(repeating: "[", count: 65) + String(repeating: "]", count: 65)).utf8)) }
        #expect((try? JSONValue.parse(Array((String(repeating: "[", count: 64) + String(repeating: "]", count: 64)).utf8))) != nil)
    }

    @Test func membersReadAsDecodableWould() throws {
        let members = try JSONValue.Members(JSONValue.parse(Array(#"{"s":"x","n":15,"f":1.5,"z":null,"b":true,"o":{"k":"v"}}"#.utf8)))
        #expect(try members.string("s") == "x")
        #expect(try members.int("n") == 15)
        #expect(throws: JSONValue.Malformed.self) { try members.int("f") }
        #expect(throws: JSONValue.Malformed.self) { try members.string("n") }
        #expect(throws: JSONValue.Malformed.self) { try members.string("missing") }
        #expect(try members.optionalString("z") == nil)
        #expect(try members.optionalString("missing") == nil)
        #expect(throws: JSONValue.Malformed.self) { try members.optionalString("n") }
        #expect(try members.optionalBool("b") == true)
        #expect(try members.object("o").string("k") == "v")
        #expect(throws: JSONValue.Malformed.self) { try JSONValue.Members(.array([])) }
    }
}
