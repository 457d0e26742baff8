import PackagePlugin

/// Compiles the shell scripts kept as real files beside their shells
/// (`Shell/Bash/hook.bash`, …) into one Swift file of string literals, so the
/// static binary carries them with no resource bundle (SwiftPM resources need
/// Foundation's Bundle) and no file read at start-up.
@main
struct EmbedShellScripts: BuildToolPlugin {
    static let scriptSuffixes = [".bash", ".zsh", ".fish", ".sh", ".tcsh", ".elv", ".xsh"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let scripts = target.sourceFiles
            .filter { file in Self.scriptSuffixes.contains { file.url.lastPathComponent.hasSuffix($0) } }
            .map(\.url)
            .sorted { $0.path < $1.path }
        if scripts.isEmpty { return [] }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedShellScripts.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(scripts.count) shell scripts in \(target.name)",
                executable: try context.tool(named: "embed-shell-scripts").url,
                arguments: [output.path] + scripts.map(\.path),
                inputFiles: scripts,
                outputFiles: [output])
        ]
    }
}
