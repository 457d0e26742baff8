/// What can be wrong with the AWS config or a profile in it.
package enum ConfigError: VaultError, Equatable {
    case unreadable(path: String, reason: String)
    case notUTF8(path: String)
    case cutShortWhileRead(path: String)
    case missingSectionHeader(location: SourceLocation)
    case syntax(location: SourceLocation, line: String)
    case duplicateSection(name: String, location: SourceLocation, first: SourceLocation)
    case duplicateOption(section: String, option: String, location: SourceLocation)
    case nestedWithoutEquals(location: SourceLocation, line: String)
    case unknownProfile(name: String, path: String)
    case unknownReference(key: String, name: String, profile: String, location: SourceLocation)
    case cycle(key: String, chain: [String], location: SourceLocation)
    case invalidValue(key: String, value: String, profile: String, location: SourceLocation, expected: String)
    case invalidProfileName(name: String)
    case tooDeep(key: String, profile: String, limit: Int, location: SourceLocation)
    case invalidTags(key: String, value: String, profile: String, origin: Profile.Origin, expected: String)

    package var message: String {
        switch self {
        case .unreadable(let path, let reason):
            "cannot read the AWS config \(path): \(reason); fix its permissions or point AWS_CONFIG_FILE elsewhere"
        case .cutShortWhileRead(let path):
            "the AWS config \(path) was cut short by another program while vault read it; run the command again"
        case .notUTF8(let path):
            "\(path) is not valid UTF-8; save it as UTF-8 text"
        case .missingSectionHeader(let location):
            "\(location): a setting before any [section] header; put it under [default] or [profile NAME]"
        case .syntax(let location, let line):
            "\(location): cannot read '\(Self.clip(line))'; expected 'name = value', a [section] or a # comment"
        case .duplicateSection(let name, let location, let first):
            "\(location): section [\(name)] appears twice (first at line \(first.line)); merge the two"
        case .duplicateOption(let section, let option, let location):
            "\(location): '\(option)' is set twice in [\(section)]; keep one"
        case .nestedWithoutEquals(let location, let line):
            "\(location): nested line '\(Self.clip(line))' has no '='; write it as 'name = value'"
        case .unknownProfile(let name, let path):
            "profile '\(name)' not found in \(path); 'vault list --profiles' shows the profiles there"
        case .unknownReference(let key, let name, let profile, let location):
            "\(location): profile '\(profile)' has \(key) = \(name), but there is no profile '\(name)'; add [profile \(name)] or fix the name"
        case .cycle(let key, let chain, let location):
            "\(location): \(key) loops: \(chain.joined(separator: " → ")); break the loop"
        case .invalidValue(let key, let value, let profile, let location, let expected):
            "\(location): profile '\(profile)' has \(key) = '\(Self.clip(value))'; expected \(expected)"
        case .invalidProfileName(let name):
            "'\(Self.clip(name))' is not a usable profile name; use letters, digits and -_.@+=,/"
        case .tooDeep(let key, let profile, let limit, let location):
            "\(location): profile '\(profile)' has \(key) leading more than \(limit) profiles deep; shorten the chain"
        case .invalidTags(let key, let value, let profile, let origin, let expected):
            "\(origin): profile '\(profile)' has \(key) = '\(Self.clip(value))'; expected \(expected)"
        }
    }

    /// Long or control-laden input is shortened and made printable for a one-line message.
    static func clip(_ s: String) -> String {
        let printable = String(String.UnicodeScalarView(s.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
        return printable.count > 60 ? printable.prefix(57) + "…" : printable
    }
}
