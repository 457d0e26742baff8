/// An MFA device a step needs a code for, and where the code comes from.
package struct MFARequirement: Sendable {
    package let use: MFAUse
    package let codes: MFACodes

    package var serial: String { use.serial }

    package func code() throws -> String {
        try codes.code(serial: use.serial, profile: use.profile.name, process: use.process)
    }
}

/// Where MFA codes come from, in order: `--mfa-token` (used once), the
/// profile's `mfa_process`, then the prompt driver: the one chosen
/// (`--prompt`, `AWS_VAULT_PROMPT`), else the terminal when there is one
/// (3 tries), else a desktop dialog (zenity, kdialog) when there is a display.
package final class MFACodes: @unchecked Sendable {
    // One command runs one chain on one thread; the lock-free state is fine.
    private var token: String?
    private let driver: MFAPromptDriver?
    private let prompt: MFAPrompt

    package init(token: String?, driver: MFAPromptDriver? = nil, settings: Settings = Settings(environment: [:])) {
        self.token = token
        self.driver = driver
        self.prompt = MFAPrompt(settings: settings)
    }

    /// `process` is the asking profile's `mfa_process` (or the one it inherits).
    package func code(serial: String, profile: String, process: String?) throws -> String {
        if let token {
            self.token = nil
            guard Self.isWellFormed(token) else { throw CredentialError.mfaInvalid(source: "--mfa-token") }
            return token
        }
        if let process {
            let result = try Subprocess.run(["/bin/sh", "-c", process])
            let code = PythonText.strip(String(decoding: result.standardOutput, as: UTF8.self))
            guard result.status == 0 else {
                throw CredentialError.processFailed(profile: profile, command: process, status: result.status, stderr: "")
            }
            guard Self.isWellFormed(code) else { throw CredentialError.mfaInvalid(source: "mfa_process of profile '\(profile)'") }
            return code
        }
        guard let driver = driver ?? prompt.automatic() else {
            throw CredentialError.mfaUnavailable(serial: serial, profile: profile)
        }
        guard driver == .terminal else {
            let code = try prompt.code(driver, serial: serial, profile: profile)
            guard Self.isWellFormed(code) else { throw CredentialError.mfaInvalid(source: driver.rawValue) }
            return code
        }
        let terminal: Terminal
        do {
            terminal = try Terminal.open()
        } catch PromptError.noTerminal {
            throw CredentialError.mfaUnavailable(serial: serial, profile: profile)
        }
        for _ in 0..<3 {
            let answer = PythonText.strip(try terminal.ask("Enter MFA code for \(serial): ", hidden: false))
            if Self.isWellFormed(answer) { return answer }
            Diagnostics.say("an MFA code is 6 digits; try again")
        }
        throw CredentialError.mfaTooManyTries(serial: serial)
    }

    package static func isWellFormed(_ code: String) -> Bool {
        code.utf8.count == 6 && code.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
