extension StringProtocol {
    /// Without leading and trailing ASCII spaces and tabs (and CR/LF).
    var trimmedWhitespace: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        let text = Substring(self)
        guard let start = text.firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = text.lastIndex(where: { !isSpace($0) })!
        return text[start...end]
    }
}

/// `("https", "host/path")` for `https://host/path`; nil without `://`.
func splitScheme(_ url: String) -> (scheme: Substring, rest: Substring)? {
    let utf8 = url.utf8
    var i = utf8.startIndex
    while i != utf8.endIndex {
        if utf8[i] == UInt8(ascii: ":") {
            let rest = url[i...]
            guard rest.hasPrefix("://") else { return nil }
            return (url[..<i], rest.dropFirst(3))
        }
        if utf8[i] == UInt8(ascii: "/") || utf8[i] == UInt8(ascii: "?") { return nil }
        i = utf8.index(after: i)
    }
    return nil
}
