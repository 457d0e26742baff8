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
            let rc = try RCFileLocator.locate(path)
            try TrustStore(settings: settings).allow(rc)
        }
    }
}

/// `vault allow`/`deny` accept a folder, a file, or nothing (the nearest `.vaultrc`).
enum RCFileLocator {
    static func locate(_ argument: String?) throws -> String {
        let cwd = FileSystemPaths.currentDirectory()
        guard let argument else {
            guard let found = RCFile.find(from: cwd) else { throw ShellError.noRCFile(directory: cwd) }
            return found
        }
        let absolute = argument.hasPrefix("/") ? argument : cwd + "/" + argument
        if FileStatus.isRegularFile(absolute) { return absolute }
        let inside = absolute + "/" + RCFile.name
        guard FileStatus.isRegularFile(inside) else { throw ShellError.noRCFile(directory: absolute) }
        return inside
    }
}
