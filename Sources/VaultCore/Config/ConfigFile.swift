#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OrderedCollections
#if canImport(Glibc)
import Glibc
#endif

/// An AWS config file read exactly as botocore reads it
/// (`configparser.RawConfigParser` + `raw_config_parse` + `build_profile_map`),
/// with every value remembering its file and line.
package struct ConfigFile: Sendable {
    /// One option's value: a string, or one level of nested keys (`s3 =` with
    /// indented `addressing_style = path` lines).
    package enum Value: Sendable, Equatable {
        case string(String)
        case nested(OrderedDictionary<String, String>)
    }

    package struct Entry: Sendable {
        package var value: Value
        package var location: SourceLocation

        /// The value as a plain string; nested values have none.
        package var string: String? {
            if case .string(let s) = value { return s }
            return nil
        }
    }

    /// A section's options in file order (names lower-cased, as botocore does).
    package typealias Section = OrderedDictionary<String, Entry>

    package struct NamedSection: Sendable {
        package var name: String
        package var options: Section
        /// The line of the section header.
        package var location: SourceLocation
    }

    package var path: String
    /// `[default]` and `[profile NAME]`, by profile name, in file order.
    package var profiles: OrderedDictionary<String, NamedSection> = [:]
    package var ssoSessions: OrderedDictionary<String, NamedSection> = [:]
    package var services: OrderedDictionary<String, NamedSection> = [:]

    /// An empty config, as for a missing file.
    package init(path: String) {
        self.path = path
    }

    /// Reads `path`; a missing file is an empty config.
    package static func load(path: String) throws(ConfigError) -> ConfigFile {
        guard let text = try readText(path: path) else { return ConfigFile(path: path) }
        return try parse(text, path: path)
    }

    /// The file's text; nil when there is no file. Read straight from a
    /// descriptor: `Data(contentsOf: URL)` costs ~0.2 ms of URL set-up, at
    /// every command.
    private static func readText(path: String) throws(ConfigError) -> String? {
        guard let bytes = try readBytes(path: path) else { return nil }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .notUTF8(path: path)
        }
        return text
    }

    private static func readBytes(path: String) throws(ConfigError) -> [UInt8]? {
        guard let (fd, info) = try openFile(path: path) else { return nil }
        defer { close(fd) }
        return try readBytes(fd, info: info, path: path)
    }

    private static func readBytes(_ fd: Int32, info: stat, path: String) throws(ConfigError) -> [UInt8] {
        guard let bytes = FileBytes.readAll(fd, sizeHint: Int(info.st_size)) else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        return bytes
    }

    /// The open file and its fstat; nil when there is no file.
    private static func openFile(path: String) throws(ConfigError) -> (Int32, stat)? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw .unreadable(path: path, reason: errno == EACCES ? "permission denied" : String(cString: strerror(errno)))
        }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw .unreadable(path: path, reason: "it is a directory")
        }
        return (fd, info)
    }

    package static func parse(_ data: Data, path: String) throws(ConfigError) -> ConfigFile {
        guard let text = String(validating: data, as: UTF8.self) else {
            throw .notUTF8(path: path)
        }
        return try parse(text, path: path)
    }

    static func parse(_ text: String, path: String) throws(ConfigError) -> ConfigFile {
        let sections = try INIReader(path: path).read(text)
        return ProfileMap.build(sections, path: path)
    }

    /// The profile names of the file at `path`, in file order, after checking
    /// the whole file exactly as `load` does, without keeping any value.
    package static func profileNames(path: String) throws(ConfigError) -> [String] {
        try profileNameListing(path: path).split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
            .map { String(decoding: $0, as: UTF8.self) }
    }

    /// What `vault list --profiles` prints (on every Tab): each name of
    /// `profileNames` and a newline, as bytes. An all-ASCII file is answered
    /// by one pass over its bytes (`ProfileNameScan`), anything else by the
    /// full reader, which gives the same names or the error.
    package static func profileNameListing(path: String) throws(ConfigError) -> [UInt8] {
        guard let (fd, info) = try openFile(path: path) else { return [] }
        defer { close(fd) }
        // A regular file is mapped (no copy); a pipe or a device is read.
        if (info.st_mode & S_IFMT) == S_IFREG,
            let listing = try MappedFile.withBytes(of: fd, size: Int(info.st_size), path: path, { bytes throws(ConfigError) in
                try listing(bytes, path: path)
            })
        {
            return listing
        }
        let bytes = try readBytes(fd, info: info, path: path)
        return try bytes.withUnsafeBytes { bytes in Result { () throws(ConfigError) in try listing(bytes, path: path) } }.get()
    }

    private static func listing(_ bytes: UnsafeRawBufferPointer, path: String) throws(ConfigError) -> [UInt8] {
        if let listing = ProfileNameScan.listing(bytes) { return listing }
        return try fullListing(bytes, path: path)
    }

    /// The listing by the full reader: the same names as the scan, or the error with its file:line.
    private static func fullListing(_ bytes: UnsafeRawBufferPointer, path: String) throws(ConfigError) -> [UInt8] {
        guard let text = String(validating: bytes.assumingMemoryBound(to: UInt8.self), as: UTF8.self) else { throw .notUTF8(path: path) }
        let sections = try INIReader(path: path, namesOnly: true).read(text)
        return Array(ProfileMap.build(sections, path: path).profiles.keys.map { $0 + "\n" }.joined().utf8)
    }
}

/// `configparser.RawConfigParser._read` with botocore's defaults: `=` and `:`
/// delimiters, `#`/`;` comments on their own line only, strict duplicates,
/// indented continuation lines, and the special `[DEFAULT]` section whose
/// options every section inherits.
struct INIReader {
    let path: String
    /// Check the whole file as botocore would, but keep only section names:
    /// what `vault list --profiles` (run on every Tab) needs.
    var namesOnly = false

    /// The option being read: its first line and any continuation lines,
    /// turned into an `Entry` when the next option or section starts.
    struct PendingOption {
        var name: String
        var first: String
        var more: [String] = []
        var location: SourceLocation
    }

    struct SectionInProgress {
        var name: String
        var options = ConfigFile.Section()
        /// With `namesOnly`: the option names, for the duplicate check. A
        /// list, searched in order: a section has a handful of options, and a
        /// Set per section was a tenth of `list --profiles` on 5,000 profiles;
        /// past 32 names a Set takes over, so a huge section stays linear.
        var names: [String] = []
        var nameSet: Set<String>?
        var location: SourceLocation

        func has(_ option: String) -> Bool {
            options[option] != nil || (nameSet?.contains(option) ?? names.contains(option))
        }

        mutating func insertName(_ option: String) {
            if nameSet != nil {
                nameSet!.insert(option)
            } else if names.count < 32 {
                names.append(option)
            } else {
                nameSet = Set(names + [option])
            }
        }
    }

    func read(_ text: String) throws(ConfigError) -> [(name: String, options: ConfigFile.Section, location: SourceLocation)] {
        var finished: [SectionInProgress] = []
        var headers: [String: SourceLocation] = [:]  // strict: a section appears once
        // `[DEFAULT]` options stay raw: botocore only parses them (nested
        // values included) as part of the sections that inherit them.
        var defaults = OrderedDictionary<String, PendingOption>()
        // The section being read; options of `[DEFAULT]` go to `defaults` instead.
        var current: SectionInProgress?
        var inDefaults = false
        var pending: PendingOption?
        var indentLevel = 0

        func finishPending() throws(ConfigError) {
            guard let option = pending else { return }
            pending = nil
            if inDefaults {
                defaults[option.name] = option
            } else if namesOnly {
                if !option.more.isEmpty { _ = try entry(option) }  // what could fail to parse
                current?.insertName(option.name)
            } else {
                current?.options[option.name] = try entry(option)
            }
        }

        let source = ConfigBytes(text)
        for (index, line) in source.lines().enumerated() {
            let value = source.stripped(line)
            let first = value.isEmpty ? nil : source.bytes[value.lowerBound]
            let isComment = first == UInt8(ascii: "#") || first == UInt8(ascii: ";")
            if value.isEmpty || isComment {
                // A blank line inside a value is kept (joined as "\n"); a comment is skipped.
                if !isComment { pending?.more.append("") }
                continue
            }
            let indent = source.indentation(line)
            if pending != nil, indent > indentLevel {
                pending!.more.append(source.string(value))
                continue
            }
            let location = SourceLocation(file: path, line: index + 1)
            indentLevel = indent
            try finishPending()
            if let header = source.sectionHeader(value) {
                if let section = current { finished.append(section) }
                current = nil
                inDefaults = header == "DEFAULT"
                if !inDefaults {
                    if let first = headers[header] {
                        throw .duplicateSection(name: header, location: location, first: first)
                    }
                    headers[header] = location
                    current = SectionInProgress(name: header, location: location)
                }
                continue
            }
            guard current != nil || inDefaults else {
                throw .missingSectionHeader(location: location)
            }
            guard let (name, optionValue) = source.option(value), !name.isEmpty else {
                throw .syntax(location: location, line: source.string(value))
            }
            let taken = inDefaults ? defaults[name] != nil : current!.has(name)
            if taken {
                throw .duplicateOption(section: inDefaults ? "DEFAULT" : current!.name, option: name, location: location)
            }
            pending = PendingOption(name: name, first: optionValue, location: location)
        }
        try finishPending()
        if let section = current { finished.append(section) }

        guard !defaults.isEmpty else { return finished.map { ($0.name, $0.options, $0.location) } }
        return try finished.map { section throws(ConfigError) in
            var options = section.options
            for (name, option) in defaults where !section.has(name) {
                // A [DEFAULT] value is parsed only where a section inherits it.
                let inherited = try entry(option)
                if !namesOnly { options[name] = inherited }
            }
            return (section.name, options, section.location)
        }
    }

    /// Joins a value's lines as configparser does, then parses one level of
    /// nesting when the value starts on the next line (botocore `_parse_nested`).
    func entry(_ raw: PendingOption) throws(ConfigError) -> ConfigFile.Entry {
        // One line, already stripped: nothing to join, nothing nested (the common case).
        if raw.more.isEmpty { return .init(value: .string(raw.first), location: raw.location) }
        let joined = PythonText.rstrip(([raw.first] + raw.more).joined(separator: "\n"))
        guard joined.unicodeScalars.first == "\n" else { return .init(value: .string(joined), location: raw.location) }
        var nested = OrderedDictionary<String, String>()
        for line in PythonText.splitLines(joined) {
            let stripped = PythonText.strip(line)
            if stripped.isEmpty { continue }
            let scalars = stripped.unicodeScalars
            guard let equals = scalars.firstIndex(of: "=") else {
                throw .nestedWithoutEquals(location: raw.location, line: stripped)
            }
            nested[PythonText.strip(String(scalars[..<equals]))] = PythonText.strip(String(scalars[scalars.index(after: equals)...]))
        }
        return .init(value: .nested(nested), location: raw.location)
    }
}

/// botocore's `build_profile_map`: which sections are profiles, SSO sessions
/// and service blocks, and their names (`shlex.split` of the header, two parts).
enum ProfileMap {
    static func build(_ sections: [(name: String, options: ConfigFile.Section, location: SourceLocation)], path: String) -> ConfigFile {
        var file = ConfigFile(path: path)
        for section in sections {
            let named = { (name: String) in ConfigFile.NamedSection(name: name, options: section.options, location: section.location) }
            if section.name.hasPrefix("profile") {
                if let name = sectionName(section.name) { file.profiles[name] = named(name) }
            } else if section.name.hasPrefix("sso-session") {
                if let name = sectionName(section.name) { file.ssoSessions[name] = named(name) }
            } else if section.name.hasPrefix("services") {
                if let name = sectionName(section.name) { file.services[name] = named(name) }
            } else if section.name == "default" {
                file.profiles["default"] = named("default")
            }
        }
        return file
    }

    private static func sectionName(_ header: String) -> String? {
        guard let parts = try? PythonText.shlexSplit(header), parts.count == 2 else { return nil }
        return parts[1]
    }
}
