/// Writes JSON by hand where key order matters to a reader (`config dump`,
/// `config show`): Foundation's encoders do not keep insertion order.
package enum JSONText {
    package static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// An object from already-encoded member values, indented by `level`.
    package static func object(_ members: [(String, String)], level: Int = 0) -> String {
        if members.isEmpty { return "{}" }
        let pad = String(repeating: "  ", count: level + 1)
        let body = members.map { pad + quote($0.0) + ": " + $0.1 }.joined(separator: ",\n")
        return "{\n" + body + "\n" + String(repeating: "  ", count: level) + "}"
    }
}
