import ArgumentParser
import FuzzSupport
@testable import vault

/// The hot argument parser (`export`, `env`, `hook-apply` without
/// ArgumentParser), differentially: wherever it answers, ArgumentParser must
/// answer the same, as Tests/VaultArgumentTests checks on a fixed corpus.
/// The input is the argument list, words separated by NUL bytes (as in
/// /proc/PID/cmdline), the command first.
func check(_ bytes: [UInt8]) {
    let arguments = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    guard let hot = HotArguments.parse(arguments) else { return }
    precondition(hot == parsedByArgumentParser(arguments), "the hot path and ArgumentParser disagree on \(arguments)")
}

/// What ArgumentParser makes of `arguments`, as a `HotCommand` (nil: an
/// error, help, or another command).
func parsedByArgumentParser(_ arguments: [String]) -> HotCommand? {
    switch try? Vault.parseAsRoot(arguments) {
    case let command as Vault.Export: command.hot
    case let command as Vault.Env: command.hot
    case let command as Vault.HookApply: command.hot
    default: nil
    }
}

runFuzzer(check)
