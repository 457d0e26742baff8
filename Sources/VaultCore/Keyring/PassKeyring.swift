#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The `pass` password store (gpg files in a folder), in aws-vault's layout
/// (99designs/keyring's `pass` backend), so that either tool reads the other's entries:
///
/// - the entry for key K is `PREFIX/K` (the file `PASSWORD_STORE_DIR/PREFIX/K.gpg`);
/// - its content is the item JSON `{"Key", "Data", "Label", …}` that the Secret
///   Service holds too (`SecretServiceKeyring.wrap`), `Data` the base64 of the value;
/// - `pass show NAME` reads, `pass insert -m -f NAME` writes (the JSON on stdin,
///   never in argv), `pass rm -f NAME` removes; listing walks the folder, as aws-vault does.
///
/// gpg (and its agent's pinentry) does every unlocking; vault never sees a gpg passphrase.
package final class PassKeyring: Keyring {
    package let directory: String
    package let prefix: String
    private let program: String
    private let environment: [String: String]

    /// Variables a child never gets: secrets vault may have been handed.
    static let withheld: Set<String> = ["AWS_VAULT_FILE_PASSPHRASE", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN"]

    package init(settings: Settings) throws {
        directory = settings.passStoreDirectory
        prefix = settings.passPrefix.split(separator: "/").joined(separator: "/")
        guard let path = ProcessReplacement.candidates(settings.passCommand, searchPath: settings.searchPath)
            .first(where: { access($0, X_OK) == 0 })
        else { throw KeyringError.passMissing(settings.passCommand) }
        program = path
        var environment = settings.environment.filter { !Self.withheld.contains($0.key) }
        environment["PASSWORD_STORE_DIR"] = directory
        self.environment = environment
    }

    /// The folder holding the entries: the store, or its `PREFIX` subfolder.
    var root: String { prefix.isEmpty ? directory : directory + "/" + prefix }

    // MARK: Keyring

    package func keys() throws -> [String] {
        var keys: [String] = []
        try walk(root, relative: "", depth: 0, into: &keys)
        return keys
    }

    package func get(_ key: String) throws -> Data? {
        let name = try entryName(key)
        guard try exists(key) else { return nil }
        var result = try pass(["show", name], key: key, operation: "read")
        defer { Wipe.data(&result.standardOutput) }
        return try SecretServiceKeyring.unwrap(result.standardOutput, key: key)
    }

    package func set(_ key: String, _ data: Data) throws {
        let name = try entryName(key)
        var item = try SecretServiceKeyring.wrap(data, key: key)
        defer { Wipe.data(&item) }
        _ = try pass(["insert", "-m", "-f", name], key: key, operation: "store", input: item)
    }

    package func remove(_ key: String) throws {
        let name = try entryName(key)
        guard try exists(key) else { return }
        _ = try pass(["rm", "-f", name], key: key, operation: "remove")
    }

    // MARK: Running pass

    private func pass(_ arguments: [String], key: String, operation: String, input: Data? = nil) throws -> Subprocess.Result {
        let result = try Subprocess.run([program] + arguments, captureStandardError: true, environment: environment, input: input)
        guard result.status == 0 else {
            throw KeyringError.pass(operation: operation, key: ConfigError.clip(key), detail: Self.reason(result))
        }
        return result
    }

    /// What pass (or gpg) said on stderr, on one printable line (pass splits
    /// its messages over lines), else the exit status.
    static func reason(_ result: Subprocess.Result) -> String {
        let words = String(decoding: result.standardError, as: UTF8.self)
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard !words.isEmpty else { return "exit status \(result.status)" }
        let printable = String(String.UnicodeScalarView(words.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
        return printable.count > 240 ? printable.prefix(239) + "…" : printable
    }

    // MARK: Names and files

    /// The key as a path inside the store, cleaned as aws-vault's Go
    /// (`filepath.Join`) does: repeated slashes collapse, so
    /// `oidc:https://…` lands where aws-vault puts it. Keys that would leave
    /// the folder (`.`, `..`) or read as options (a leading `-`) are refused.
    func relativePath(_ key: String) throws -> String {
        let parts = key.split(separator: "/")
        guard !parts.isEmpty, !key.hasPrefix("-"), !parts.contains(where: { $0 == "." || $0 == ".." }),
              !key.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else { throw KeyringError.unsafeName(key) }
        return parts.joined(separator: "/")
    }

    /// `PREFIX/KEY`, the name pass knows the entry by.
    func entryName(_ key: String) throws -> String {
        let path = try relativePath(key)
        return prefix.isEmpty ? path : prefix + "/" + path
    }

    private func exists(_ key: String) throws -> Bool {
        var info = stat()
        return stat(root + "/" + (try relativePath(key)) + ".gpg", &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Every `*.gpg` file under `folder`, as `relative/name` without `.gpg`.
    private func walk(_ folder: String, relative: String, depth: Int, into keys: inout [String]) throws {
        guard depth < 32, let names = try StoreFolder.names(folder) else { return }
        for name in names where !name.hasPrefix(".") {
            let path = folder + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else { continue }  // vanished, or a dangling link
            let inner = relative.isEmpty ? name : relative + "/" + name
            if (info.st_mode & S_IFMT) == S_IFDIR {
                try walk(path, relative: inner, depth: depth + 1, into: &keys)
            } else if (info.st_mode & S_IFMT) == S_IFREG, name.hasSuffix(".gpg"), name.count > 4 {
                keys.append(String(inner.dropLast(4)))
            }
        }
    }
}
