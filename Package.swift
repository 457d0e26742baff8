// swift-tools-version:6.0
import PackageDescription

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
