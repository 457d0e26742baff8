import FuzzSupport
import VaultCore

/// The `.vaultrc` reader: a cloned repository chooses these bytes. Through
/// the pure entry the hook uses on the bytes it read once (`RCFile.parse(bytes:)`).
/// What it accepts must be a profile name the hook can pass on one line.
func check(_ bytes: [UInt8]) {
    guard let rc = try? RCFile.parse(Array(bytes), path: "/fuzz/.vaultrc") else { return }
    for value in [rc.profile] + (rc.region.map { [$0] } ?? []) {
        precondition(!value.isEmpty && !value.contains("\n"), "an empty or multi-line value was accepted")
        precondition(value.first != " " && value.last != " ", "a value kept its surrounding blanks")
    }
}

runFuzzer(check)
