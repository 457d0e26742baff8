import ArgumentParser
import VaultCore

extension Vault {
    struct Allow: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "allow",
            abstract: "Trust the .vaultrc in DIR (default: the current folder or the nearest above it).")

        @Argument(help: "A folder, or a .vaultrc file.", completion: .directory)
        var path: String?

        func run() throws {
            let settings = Settings.process()
            let rc = try RCFileLocator.locate(path, settings: settings)
            try TrustStore(settings: settings).allow(rc)
        }
    }
}

/// `vault allow`/`deny` accept a folder, a file, or nothing (the nearest
/// `.vaultrc`), as a lexical path from `$PWD`: the path the hook sees.
enum RCFileLocator {
    static func locate(_ argument: String?, settings: Settings) throws -> String {
        let cwd = FileSystemPaths.logicalDirectory(settings)
        guard let argument else {
            guard let found = RCFile.find(from: cwd) else { throw ShellError.noRCFile(directory: cwd) }
            return found
        }
        let absolute = LexicalPath.absolute(argument, from: cwd)
        if FileStatus.isPresentNonFolder(absolute) { return absolute }
        let inside = LexicalPath.absolute(RCFile.name, from: absolute)
        guard FileStatus.isPresentNonFolder(inside) else { throw ShellError.noRCFile(directory: absolute) }
        return inside
    }
}
