#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Every environment variable vault reads is read through here.
///
/// The executable captures the process environment once (`Settings.process()`)
/// and passes the value down (tab completion reads its one path with
/// `processConfigFilePath`); nothing else in vault calls `getenv`. Domains add
/// typed accessors in `Settings+<Domain>.swift` files so that the list of
/// variables stays in one folder.
package struct Settings: Sendable {
    package let environment: [String: String]

    package init(environment: [String: String]) {
        self.environment = environment
    }

    /// The one place that reads the process environment.
    package static func process() -> Settings {
        Settings(environment: environmentOf(environ))
    }

    /// The `NAME=value` entries of an environment block as a dictionary.
    /// A name given twice keeps its first value, the one `getenv` (and so
    /// every C library vault loads) sees; an entry without `=` is skipped.
    ///
    /// Read here rather than through `ProcessInfo.environment`, which cost
    /// about 0.3 ms a start (generic code instantiated at run time).
    package static func environmentOf(_ block: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> [String: String] {
        var environment: [String: String] = [:]
        forEachEntry(of: block) { name, value, _ in
            if environment[name] == nil { environment[name] = value }
        }
        return environment
    }

    /// Each `NAME=value` entry of an environment block in order, decoded
    /// (invalid UTF-8 as U+FFFD), with the entry itself; entries without `=`
    /// are skipped. A name may come more than once: callers keep the first.
    static func forEachEntry(
        of block: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
        _ body: (_ name: String, _ value: String, _ entry: UnsafeMutablePointer<CChar>) -> Void
    ) {
        guard let block else { return }
        var index = 0
        while let entry = block[index] {
            index += 1
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(entry).assumingMemoryBound(to: UInt8.self), count: strlen(entry))
            guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")) else { continue }
            body(String(decoding: bytes[..<equals], as: UTF8.self), String(decoding: bytes[(equals + 1)...], as: UTF8.self), entry)
        }
    }

    /// `configFilePath` of the process environment, read with `getenv`: all
    /// that `vault list --profiles` (every Tab) needs, without building the
    /// whole environment (`ProcessInfo` costs ~0.3 ms there).
    package static func processConfigFilePath() -> String {
        configFilePath { name in
            guard let value = getenv(name), value.pointee != 0 else { return nil }
            return String(cString: value)
        }
    }

    /// A variable's value; an empty value counts as unset, as the AWS CLI does.
    package subscript(_ name: String) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return value
    }

    package var home: String {
        Self.home { self[$0] }
    }

    private static func home(_ variable: (String) -> String?) -> String {
        variable("HOME") ?? "/"
    }

    /// `$XDG_DATA_HOME`, else `~/.local/share`.
    package var dataHome: String {
        self["XDG_DATA_HOME"] ?? home + "/.local/share"
    }

    /// vault's own data folder: `$XDG_DATA_HOME/vault`.
    package var vaultDataDirectory: String {
        dataHome + "/" + Self.vaultFolderName
    }

    /// vault's folder in the data home (the shell hooks spell the path themselves).
    package static let vaultFolderName = "vault"

    /// `AWS_CONFIG_FILE`, else `~/.aws/config`, with `~` expanded.
    package var configFilePath: String {
        Self.configFilePath { self[$0] }
    }

    /// `configFilePath`, given how to read a variable (empty counts as unset).
    private static func configFilePath(_ variable: (String) -> String?) -> String {
        expandTilde(variable("AWS_CONFIG_FILE") ?? "~/.aws/config", home: { home(variable) })
    }

    package func expandTilde(_ path: String) -> String {
        Self.expandTilde(path, home: { home })
    }

    private static func expandTilde(_ path: String, home: () -> String) -> String {
        if path == "~" { return home() }
        if path.hasPrefix("~/") { return home() + path.dropFirst(1) }
        return path
    }
}
