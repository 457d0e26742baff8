/// A small, strict XML reader for the flat documents STS and IAM answer with.
///
/// Hand-written on purpose: Foundation's `XMLParser` lives in FoundationXML,
/// which links libxml2 and slows the start-up of every command, while these
/// responses use only elements, text, attributes (`xmlns`), the five
/// predefined entities, character references and an `<?xml?>` declaration.
/// Anything else (a DTD, an unclosed or mismatched tag, a bad entity, text
/// after the root, too deep or too long a document) throws
/// `XMLReader.Failure`: it never crashes and never guesses.
package struct XMLElement: Sendable, Equatable {
    package var name: String
    package var children: [XMLElement]
    /// The element's own text (character data directly inside it), unescaped.
    package var text: String

    /// The first child called `name` (namespace prefixes ignored).
    package func child(_ name: String) -> XMLElement? {
        children.first { $0.localName == name }
    }

    /// Follows a path of child names: `element["Credentials", "AccessKeyId"]`.
    package subscript(_ path: String...) -> XMLElement? {
        var node: XMLElement? = self
        for name in path { node = node?.child(name) }
        return node
    }

    /// The first element called `name` anywhere below (depth first).
    package func descendant(_ name: String) -> XMLElement? {
        for child in children {
            if child.localName == name { return child }
            if let found = child.descendant(name) { return found }
        }
        return nil
    }

    package var localName: String {
        if let colon = name.lastIndex(of: ":") { return String(name[name.index(after: colon)...]) }
        return name
    }
}

package enum XMLReader {
    package struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        package var reason: String
        /// Byte offset where reading stopped.
        package var offset: Int
        package var description: String { "\(reason) at byte \(offset)" }
    }

    static let maxDepth = 32
    static let maxBytes = 4 << 20

    /// Parses a whole document and returns its root element.
    package static func parse<Bytes: Collection<UInt8>>(_ bytes: Bytes) throws -> XMLElement {
        var reader = Reader(bytes: Array(bytes))
        return try reader.document()
    }

    private struct Reader {
        let bytes: [UInt8]
        var i = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        func fail(_ reason: String) -> Failure { Failure(reason: reason, offset: i) }

        var atEnd: Bool { i >= bytes.count }

        func peek(_ text: String) -> Bool {
            let t = Array(text.utf8)
            return i + t.count <= bytes.count && Array(bytes[i..<i + t.count]) == t
        }

        mutating func skipSpace() {
            while i < bytes.count, [0x20, 0x09, 0x0a, 0x0d].contains(bytes[i]) { i += 1 }
        }

        mutating func document() throws -> XMLElement {
            guard bytes.count <= XMLReader.maxBytes else { throw fail("document too large") }
            if peek("\u{FEFF}") { i += 3 }
            skipSpace()
            if peek("<?xml") {
                guard let end = find("?>") else { throw fail("unterminated XML declaration") }
                i = end + 2
            }
            try skipMisc()
            guard peek("<"), !peek("</") else { throw fail(atEnd ? "empty document" : "expected the root element") }
            let root = try element(depth: 1)
            try skipMisc()
            guard atEnd else { throw fail("content after the root element") }
            return root
        }

        /// Spaces and comments between top-level items.
        mutating func skipMisc() throws {
            while true {
                skipSpace()
                if peek("<!--") {
                    try comment()
                } else if peek("<!") || peek("<?") {
                    throw fail("unsupported markup (DTD or processing instruction)")
                } else {
                    return
                }
            }
        }

        mutating func comment() throws {
            guard let end = find("-->", from: i + 4) else { throw fail("unterminated comment") }
            i = end + 3
        }

        func find(_ text: String, from start: Int? = nil) -> Int? {
            let t = Array(text.utf8)
            var j = start ?? i
            while j + t.count <= bytes.count {
                if bytes[j] == t[0] && Array(bytes[j..<j + t.count]) == t { return j }
                j += 1
            }
            return nil
        }

        static func isNameByte(_ b: UInt8) -> Bool {
            (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39)
                || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
                || b == UInt8(ascii: ":") || b >= 0x80
        }

        mutating func name() throws -> String {
            let start = i
            while i < bytes.count, Self.isNameByte(bytes[i]) { i += 1 }
            guard i > start else { throw fail(atEnd ? "truncated document" : "expected a name") }
            let first = bytes[start]
            guard !(first >= 0x30 && first <= 0x39) && first != UInt8(ascii: "-") && first != UInt8(ascii: ".")
            else { throw fail("invalid name") }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }

        /// An element starting at `<`.
        mutating func element(depth: Int) throws -> XMLElement {
            guard depth <= XMLReader.maxDepth else { throw fail("elements nested too deeply") }
            i += 1  // <
            let tag = try name()
            var seen: Set<String> = []
            // Attributes: parsed for well-formedness, then dropped.
            while true {
                let hadSpace = i < bytes.count && [0x20, 0x09, 0x0a, 0x0d].contains(bytes[i])
                skipSpace()
                guard !atEnd else { throw fail("truncated document") }
                if peek("/>") {
                    i += 2
                    return XMLElement(name: tag, children: [], text: "")
                }
                if bytes[i] == UInt8(ascii: ">") {
                    i += 1
                    break
                }
                guard hadSpace else { throw fail("expected a space before an attribute") }
                let attribute = try name()
                guard seen.insert(attribute).inserted else { throw fail("repeated attribute \(attribute)") }
                skipSpace()
                guard !atEnd else { throw fail("truncated document") }
                guard bytes[i] == UInt8(ascii: "=") else { throw fail("expected = after an attribute name") }
                i += 1
                skipSpace()
                guard !atEnd else { throw fail("truncated document") }
                let quote = bytes[i]
                guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                    throw fail("attribute value without quotes")
                }
                i += 1
                _ = try characters(until: quote)
                i += 1
            }
            var children: [XMLElement] = []
            var text: [UInt8] = []
            while true {
                guard !atEnd else { throw fail("truncated document: <\(tag)> is not closed") }
                if peek("</") {
                    i += 2
                    let closing = try name()
                    guard closing == tag else { throw fail("</\(closing)> closes <\(tag)>") }
                    skipSpace()
                    guard !atEnd else { throw fail("truncated document") }
                    guard bytes[i] == UInt8(ascii: ">") else { throw fail("expected > after </\(tag)") }
                    i += 1
                    guard let string = String(validating: text, as: UTF8.self) else {
                        throw fail("text is not UTF-8")
                    }
                    return XMLElement(name: tag, children: children, text: string)
                } else if peek("<!--") {
                    try comment()
                } else if peek("<![CDATA[") {
                    guard let end = find("]]>", from: i + 9) else { throw fail("unterminated CDATA section") }
                    text += bytes[(i + 9)..<end]
                    i = end + 3
                } else if peek("<!") || peek("<?") {
                    throw fail("unsupported markup inside <\(tag)>")
                } else if bytes[i] == UInt8(ascii: "<") {
                    children.append(try element(depth: depth + 1))
                } else {
                    text += try characters(until: UInt8(ascii: "<"))
                }
            }
        }

        /// Character data up to (not including) `stop`, entities replaced.
        mutating func characters(until stop: UInt8) throws -> [UInt8] {
            var out: [UInt8] = []
            while true {
                guard !atEnd else { throw fail("truncated document") }
                let b = bytes[i]
                if b == stop { return out }
                if b == UInt8(ascii: "&") {
                    out += try entity()
                } else if b == UInt8(ascii: "<") {
                    throw fail("< inside an attribute value")
                } else if b < 0x20 && b != 0x09 && b != 0x0a && b != 0x0d {
                    throw fail("control character in text")
                } else {
                    out.append(b)
                    i += 1
                }
            }
        }

        mutating func entity() throws -> [UInt8] {
            guard let semicolon = bytes[i...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
                throw fail(atEnd ? "truncated document" : "unterminated entity")
            }
            let body = String(decoding: bytes[(i + 1)..<semicolon], as: UTF8.self)
            let replacement: [UInt8]
            switch body {
            case "lt": replacement = [UInt8(ascii: "<")]
            case "gt": replacement = [UInt8(ascii: ">")]
            case "amp": replacement = [UInt8(ascii: "&")]
            case "quot": replacement = [UInt8(ascii: "\"")]
            case "apos": replacement = [UInt8(ascii: "'")]
            default:
                var value: UInt32?
                if body.hasPrefix("#x") {
                    value = UInt32(body.dropFirst(2), radix: 16)
                } else if body.hasPrefix("#") {
                    value = UInt32(body.dropFirst(1), radix: 10)
                }
                guard let value, value != 0, let scalar = Unicode.Scalar(value) else {
                    throw fail("unknown entity &\(body.prefix(10));")
                }
                replacement = Array(String(Character(scalar)).utf8)
            }
            i = semicolon + 1
            return replacement
        }
    }
}
