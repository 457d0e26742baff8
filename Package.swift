// swift-tools-version:6.0
import PackageDescription
import Foundation

let package = Package(
    name: "vault",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "vault", targets: ["vault"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        // System libraries: their headers build the C shims; the libraries are
        // loaded with dlopen on first use (no `link`, no pkg-config --libs),
        // because mapping libcrypto and readline at start-up doubled the
        // start-up time of every command (measured against a hello-world).
        .systemLibrary(
            name: "CCrypto", path: "Sources/CCrypto",
            providers: [.apt(["libssl-dev"])]),
        .systemLibrary(
            name: "CReadline", path: "Sources/CReadline",
            providers: [.apt(["libreadline-dev"])]),
        // Small C shims: dlopen-loaded libraries (libcurl, libdbus, libsecret) and
        // syscalls Swift cannot call directly (variadic ones such as keyctl).
        .target(name: "CShims", dependencies: ["CCrypto", "CReadline"], path: "Sources/CShims", linkerSettings: [.linkedLibrary("dl")]),
        .target(
            name: "VaultCore",
            dependencies: [
                "CShims",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            path: "Sources/VaultCore",
            plugins: [.plugin(name: "EmbedShellScripts")]),
        // The hook scripts are real files beside their shells (Shell/Bash/hook.bash, …);
        // this plugin compiles them into string literals (no resource bundle, no
        // read at start-up), with its tool run on the build machine.
        .executableTarget(name: "embed-shell-scripts", path: "Sources/embed-shell-scripts"),
        .plugin(name: "EmbedShellScripts", capability: .buildTool(), dependencies: ["embed-shell-scripts"]),
        .executableTarget(
            name: "vault",
            dependencies: [
                "VaultCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/vault"),
        .testTarget(name: "VaultCoreTests", dependencies: ["VaultCore"], path: "Tests/VaultCoreTests"),
        .testTarget(name: "VaultCLITests", dependencies: ["VaultCore"], path: "Tests/VaultCLITests"),
        // The executable's own argument handling (its hot path against ArgumentParser).
        .testTarget(
            name: "VaultArgumentTests",
            dependencies: ["vault", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Tests/VaultArgumentTests"),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets (Tests/Fuzz), declared only when scripts/fuzz builds them
// with the sanitizers: a plain `swift build` or `swift test` never sees them.
if let fuzzer = Context.environment["VAULT_FUZZER_LIB"] {
    package.targets += fuzzTargets(fuzzer: fuzzer)
}

/// One executable per parser. Their objects are instrumented (ASan and
/// coverage, from scripts/fuzz's flags) and linked with libFuzzer's
/// `fuzzer_no_main` runtime: each target's `main.swift` hands its test to
/// `LLVMFuzzerRunDriver` (FuzzSupport's `runFuzzer`). Why not the usual
/// `-sanitize=fuzzer` and a `@_cdecl("LLVMFuzzerTestOneInput")` compiled
/// `-parse-as-library`: that links libFuzzer's own `main` into every
/// executable, `vault` too, which then fails to link; and SwiftPM points
/// `main` at `<module>_main`, which a `-parse-as-library` target lacks.
func fuzzTargets(fuzzer: String) -> [Target] {
    let link: [LinkerSetting] = [.unsafeFlags(["-Xlinker", fuzzer]), .linkedLibrary("stdc++")]
    let core: [Target.Dependency] = ["FuzzSupport", "VaultCore"]
    // SwiftPM links an executable target's code into tests only, not into
    // another executable: the hot-arguments target links `vault`'s objects
    // itself, from the fuzz build folder (its entry point is `vault_main`:
    // SwiftPM renames it, so it clashes with nothing).
    let vaultObjects = (Context.environment["VAULT_FUZZ_BIN"]).map { bin in
        swiftFiles(in: Context.packageDirectory + "/Sources/vault").map { "\(bin)/vault.build/\($0).o" }
    } ?? []
    func target(_ name: String, _ dependencies: [Target.Dependency] = [], extraLink: [String] = []) -> Target {
        .executableTarget(
            name: name, dependencies: core + dependencies, path: "Tests/Fuzz/\(name)",
            linkerSettings: link + (extraLink.isEmpty ? [] : [.unsafeFlags(extraLink)]))
    }
    return [
        .target(name: "FuzzDriver", path: "Tests/Fuzz/FuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["FuzzDriver"], path: "Tests/Fuzz/FuzzSupport"),
        target("fuzz-config"),
        target("fuzz-rcfile"),
        target("fuzz-json"),
        target("fuzz-xml"),
        target("fuzz-filestore"),
        target(
            "fuzz-hot-arguments", ["vault", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            extraLink: vaultObjects),
    ]
}

/// The base names of the Swift files under `directory` (SwiftPM names each
/// object `<base name>.o` in the module's build folder).
func swiftFiles(in directory: String) -> [String] {
    let files = (try? FileManager.default.subpathsOfDirectory(atPath: directory)) ?? []
    return files.filter { $0.hasSuffix(".swift") }.map { String($0.split(separator: "/").last!) }.sorted()
}
