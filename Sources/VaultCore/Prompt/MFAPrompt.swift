#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// How an MFA code is asked when neither `--mfa-token` nor `mfa_process`
/// gives one: aws-vault's prompt drivers that exist on Linux.
package enum MFAPromptDriver: String, CaseIterable, Sendable {
    case terminal, ykman, zenity, kdialog

    /// The drivers a person may name, for messages and help.
    package static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// `--prompt`, else `AWS_VAULT_PROMPT`; nil lets vault choose (`MFAPrompt.automatic`).
    package static func chosen(option: String?, settings: Settings) throws(CredentialError) -> MFAPromptDriver? {
        guard let name = option ?? settings.promptDriver else { return nil }
        guard let driver = MFAPromptDriver(rawValue: name.lowercased()) else {
            throw .unknownPromptDriver(name, origin: option != nil ? "--prompt" : "AWS_VAULT_PROMPT")
        }
        return driver
    }
}

/// Asks for one MFA code through a driver. Every driver returns what the
/// person (or the YubiKey) gave, trimmed; the caller checks its form. The code
/// only ever travels on a pipe from the driver to vault: never in an argument
/// or an environment variable of anything vault starts.
package struct MFAPrompt {
    package let settings: Settings

    package init(settings: Settings) {
        self.settings = settings
    }

    /// With nothing chosen: the terminal when there is one, then a desktop
    /// dialog (zenity, else kdialog) when a display is set and one is
    /// installed; nil when none of them can ask.
    package func automatic() -> MFAPromptDriver? {
        if Terminal.isAvailable { return .terminal }
        guard settings.hasDesktop else { return nil }
        return [MFAPromptDriver.zenity, .kdialog].first { settings.executable($0.rawValue) != nil }
    }

    /// One code from a non-terminal driver (the terminal keeps its own loop of three tries in `MFACodes`).
    package func code(_ driver: MFAPromptDriver, serial: String, profile: String) throws -> String {
        switch driver {
        case .terminal:
            preconditionFailure("the terminal is asked by MFACodes")
        case .ykman:
            return try ykman(serial: serial)
        case .zenity:
            let text = "MFA code for profile \(profile)\n(\(serial))"
            return try dialog(driver, ["--entry", "--title=vault", "--text=\(text)"])
        case .kdialog:
            let text = "MFA code for profile \(Self.plain(profile)) (\(Self.plain(serial)))"
            return try dialog(driver, ["--title", "vault", "--inputbox", text])
        }
    }

    /// The argv `ykman` is run with, as aws-vault runs it.
    package func ykmanArguments(serial: String) -> [String] {
        let account = settings.ykmanCredentialName ?? serial
        var argv: [String] = []
        if let device = settings.ykmanDeviceSerial { argv += ["--device", device] }
        switch settings.ykmanMajorVersion {
        case "1", "2", "3": argv += ["oath", "code", "--single", account]
        default: argv += ["oath", "accounts", "code", "--single", account]
        }
        return argv
    }

    private func ykman(serial: String) throws -> String {
        guard let path = settings.executable("ykman") else { throw CredentialError.promptNotInstalled(.ykman, package: "yubikey-manager") }
        let account = settings.ykmanCredentialName ?? serial
        Diagnostics.say("getting the MFA code for \(account) from your YubiKey (ykman); touch it if it blinks")
        let result = try Subprocess.run([path] + ykmanArguments(serial: serial), captureStandardError: true)
        guard result.status == 0 else {
            throw CredentialError.promptFailed(.ykman, detail: Self.telling(result.standardError) ?? "exited with status \(result.status)")
        }
        return PythonText.strip(String(decoding: result.standardOutput, as: UTF8.self))
    }

    /// zenity and kdialog: the answer on stdout, status 0; Cancel or closing
    /// the window is status 1 (zenity's timeout is 5).
    private func dialog(_ driver: MFAPromptDriver, _ arguments: [String]) throws -> String {
        guard let path = settings.executable(driver.rawValue) else {
            throw CredentialError.promptNotInstalled(driver, package: driver.rawValue)
        }
        let result = try Subprocess.run([path] + arguments, captureStandardError: true)
        switch result.status {
        case 0: return PythonText.strip(String(decoding: result.standardOutput, as: UTF8.self))
        case 1, 5: throw CredentialError.promptCancelled(driver)
        default: throw CredentialError.promptFailed(driver, detail: Self.telling(result.standardError) ?? "exited with status \(result.status)")
        }
    }

    /// The line of a helper's stderr that says what went wrong: its `Error:`
    /// line (ykman prints warnings first), else its last line.
    static func telling(_ standardError: Data) -> String? {
        let lines = String(decoding: standardError, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { PythonText.strip(String($0)) }.filter { !$0.isEmpty }
        return lines.first { $0.hasPrefix("Error:") } ?? lines.last
    }

    /// Text for a Qt label, which renders anything that looks like HTML as
    /// rich text: no angle brackets reach it.
    static func plain(_ text: String) -> String {
        // Scalar by scalar: "<" followed by a combining mark is one Character.
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "<" ? "‹" : $0 == ">" ? "›" : $0 }))
    }
}

extension Terminal {
    /// Whether a controlling terminal can be opened to ask on.
    package static var isAvailable: Bool {
        let fd = Glibc.open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        close(fd)
        return true
    }
}
