import FuzzDriver

#if canImport(Glibc)
import Glibc
#endif

/// The test the running target checks each input with; set once, by `runFuzzer`,
/// before libFuzzer starts calling (a C callback cannot capture it).
nonisolated(unsafe) private var currentTest: (([UInt8]) -> Void)?

/// Runs libFuzzer's driver over `test`, with this process's arguments (corpus
/// folders, -max_total_time…), and exits with its status. `test` returns
/// normally for any input the code under test must cope with; a violated
/// property is a `precondition`, which libFuzzer reports as a crash.
///
/// The body of `LLVMFuzzerTestOneInput`, in effect: targets hand it to
/// `LLVMFuzzerRunDriver` because SwiftPM links an executable's `main` to its
/// own entry point, where `-sanitize=fuzzer`'s libFuzzer `main` cannot be.
public func runFuzzer(_ test: @escaping ([UInt8]) -> Void) -> Never {
    currentTest = test
    exit(vault_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv) { data, size in
        currentTest!(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    })
}
