/// `session_tags = k1=v1,k2=v2` and `transitive_session_tags = k1,k2`, read
/// as aws-vault reads them (pairs split on `,` then the first `=`, spaces
/// around each part dropped), but checked: a pair without `=` (aws-vault's
/// own refusal, e.g. `tag1=value1,`) or a key or value STS would refuse is
/// nil, so the resolver can name the line instead of STS failing later.
package enum SessionTags {
    static let pairsFormat = "key1=value1,key2=value2 (tag keys up to 128 and values up to 256 of letters, digits, spaces and _.:/=+-@)"
    static let keysFormat = "key1,key2 (tag keys up to 128 of letters, digits, spaces and _.:/=+-@)"

    package static func pairs(_ text: String) -> [(key: String, value: String)]? {
        if PythonText.strip(text).isEmpty { return [] }
        var result: [(key: String, value: String)] = []
        for pair in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            let key = PythonText.strip(String(parts[0])), value = PythonText.strip(String(parts[1]))
            guard isTagText(key, maximum: 128, allowEmpty: false), isTagText(value, maximum: 256, allowEmpty: true) else { return nil }
            result.append((key, value))
        }
        return result
    }

    /// Empty entries are skipped (`k1,` is `k1`), as aws-vault does.
    package static func keys(_ text: String) -> [String]? {
        var result: [String] = []
        for entry in text.split(separator: ",", omittingEmptySubsequences: false) {
            let key = PythonText.strip(String(entry))
            if key.isEmpty { continue }
            guard isTagText(key, maximum: 128, allowEmpty: false) else { return nil }
            result.append(key)
        }
        return result
    }

    /// STS's tag pattern: `[\p{L}\p{Z}\p{N}_.:/=+\-@]*`.
    private static func isTagText(_ s: String, maximum: Int, allowEmpty: Bool) -> Bool {
        guard s.count <= maximum, allowEmpty || !s.isEmpty else { return false }
        return s.unicodeScalars.allSatisfy { scalar in
            let p = scalar.properties
            return p.isAlphabetic || p.numericType != nil || scalar == " " || p.generalCategory == .spaceSeparator
                || "_.:/=+-@".unicodeScalars.contains(scalar)
        }
    }
}
