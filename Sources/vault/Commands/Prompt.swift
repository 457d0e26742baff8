#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ArgumentParser
import VaultCore

extension Vault {
    struct Prompt: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "prompt",
            abstract: "Print the prompt segment (profile and time left) for prompt frameworks.",
            discussion: "Format: VAULT_PROMPT_FORMAT, with %p profile, %r region, %t time left (default '%p %t').")

        func run() throws {
            Self.printSegment()
        }

        /// Also called straight from `main`: prompt frameworks run it at every prompt.
        static func printSegment() {
            guard let segment = PromptSegment(settings: .process()) else { return }
            Output.standardOutput(segment.render(now: Int(Date().timeIntervalSince1970)))
        }
    }
}
