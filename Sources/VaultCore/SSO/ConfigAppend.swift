#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Appends to the AWS config through `ConfigEditor`, the one writer of the
/// config: the same lock as `vault add` (so the two queue instead of
/// overwriting each other), the file read afresh under it, the addition
/// computed from what is there now, the result checked with vault's
/// botocore-exact reader, then written atomically through a symlinked
/// config's target with the file's mode kept.
package enum ConfigAppend {
    /// `addition` gets the current text and returns what to append (nil:
    /// nothing). Returns the text appended, after the separating newline.
    @discardableResult
    package static func append(to path: String, settings: Settings, _ addition: (String) throws -> String?) throws -> String? {
        let folder = resolved(path).split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        if !folder.isEmpty, let failure = PrivateFolders.create(folder) {
            throw SSOError.configWrite(path: path, reason: "cannot create \(failure.path): \(String(cString: strerror(failure.errno)))")
        }
        var appended: String?
        try ConfigEditor(path: path, settings: settings).edit { bytes in
            guard let current = String(validating: bytes ?? Data(), as: UTF8.self) else {
                throw SSOError.configWrite(path: path, reason: "not UTF-8")
            }
            guard let added = try addition(current), !added.isEmpty else { return nil }
            let separator = current.isEmpty || current.hasSuffix("\n") ? "" : "\n"
            let text = current + separator + added
            do {
                _ = try ConfigFile.parse(text, path: path)
            } catch {
                throw SSOError.configWrite(path: path, reason: "the result would not parse (\((error as? VaultError)?.message ?? "\(error)"))")
            }
            appended = added
            return Data(text.utf8)
        }
        return appended
    }

    /// The file a symlink chain ends at (the path itself when it does not exist yet).
    static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }
}
