import ArgumentParser

/// How `vault exec` hands credentials over: in the environment (default,
/// vault becomes the command), through a local server, or as JSON.
struct ExecModeOptions: ParsableArguments {
    @Flag(help: "Serve credentials on 127.0.0.1 (AWS_CONTAINER_CREDENTIALS_FULL_URI) and renew them while the command runs; no keys in its environment.")
    var server = false

    @Flag(help: "With the server: fetch credentials on the command's first request, not before it starts (implies --server).")
    var lazy = false

    @Flag(help: "Print the credential_process JSON instead of running a command.")
    var json = false

    mutating func merge(_ other: ExecModeOptions) {
        server = server || other.server
        lazy = lazy || other.lazy
        json = json || other.json
    }
}
