#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ArgumentParser
import VaultCore

extension Vault {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Show the profile active in this shell, where it came from, the time left, and whether the hook is installed.")

        func run() throws {
            let report = ShellStatus.report(
                settings: .process(), parentPID: ProcessInfoReader.parent(ProcessInfoReader.currentPID),
                now: Int(Date().timeIntervalSince1970))
            Output.standardOutput(report)
        }
    }
}
