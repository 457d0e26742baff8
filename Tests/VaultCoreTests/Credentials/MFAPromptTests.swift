import Foundation
import Testing
@testable import VaultCore

@Suite struct MFAPromptTests {
    @Test func theOptionWinsOverTheEnvironment() throws {
        let settings = Settings(environment: ["AWS_VAULT_PROMPT": "zenity"])
        #expect(try MFAPromptDriver.chosen(option: "ykman", settings: settings) == .ykman)
        #expect(try MFAPromptDriver.chosen(option: nil, settings: settings) == .zenity)
        #expect(try MFAPromptDriver.chosen(option: nil, settings: Settings(environment: [:])) == nil)
    }

    @Test func anUnknownDriverNamesWhereItCameFrom() {
        #expect(throws: CredentialError.unknownPromptDriver("osascript", origin: "AWS_VAULT_PROMPT")) {
            try MFAPromptDriver.chosen(option: nil, settings: Settings(environment: ["AWS_VAULT_PROMPT": "osascript"]))
        }
    }

    @Test(arguments: [
        ([:], ["oath", "accounts", "code", "--single", "arn:aws:iam::1:mfa/u"]),
        (["AWS_VAULT_YKMAN_VERSION": "2"], ["oath", "code", "--single", "arn:aws:iam::1:mfa/u"]),
        (["YKMAN_OATH_CREDENTIAL_NAME": "aws", "YKMAN_OATH_DEVICE_SERIAL": "7"], ["--device", "7", "oath", "accounts", "code", "--single", "aws"]),
    ])
    func ykmanIsRunAsAwsVaultRunsIt(environment: [String: String], expected: [String]) {
        #expect(MFAPrompt(settings: Settings(environment: environment)).ykmanArguments(serial: "arn:aws:iam::1:mfa/u") == expected)
    }

    @Test func theTellingLineOfAHelpersErrorIsItsErrorLine() {
        let stderr = Data("WARNING: PC/SC not available.\nError: No YubiKey detected!\n".utf8)
        #expect(MFAPrompt.telling(stderr) == "Error: No YubiKey detected!")
        #expect(MFAPrompt.telling(Data("first\nlast\n\n".utf8)) == "last")
        #expect(MFAPrompt.telling(Data()) == nil)
    }

    @Test func aQtLabelGetsNoAngleBrackets() {
        #expect(MFAPrompt.plain("<b>prod</b>") == "‹b›prod‹/b›")
        #expect(MFAPrompt.plain("<\u{338}b>") == "‹\u{338}b›")
    }
}
