import Foundation
import Testing
@testable import VaultCore

func parse(_ text: String) throws -> ConfigFile {
    try ConfigFile.parse(Data(text.utf8), path: "/cfg")
}

@Suite struct ConfigFileTests {
    @Test func profilesDefaultAndQuotedNames() throws {
        let file = try parse("[default]\nregion = us-east-1\n[profile \"a b\"]\nRegion: eu-west-1\n[other]\nx=1\n")
        #expect(Array(file.profiles.keys) == ["default", "a b"])
        #expect(file.profiles["a b"]?.options["region"]?.string == "eu-west-1")
        #expect(file.profiles["a b"]?.options["region"]?.location == SourceLocation(file: "/cfg", line: 4))
    }

    @Test func commentsOnlyOnTheirOwnLine() throws {
        let file = try parse("[profile p]\n# c\n ; c\nk = v # not a comment\n")
        #expect(file.profiles["p"]?.options["k"]?.string == "v # not a comment")
    }

    @Test func nestedKeysAndContinuations() throws {
        let file = try parse("[profile p]\ns3 =\n  addressing_style = path\n  Signature = v4\nlong = a\n  b\n\n  c\n")
        let s3 = file.profiles["p"]?.options["s3"]?.value
        #expect(s3 == .nested(["addressing_style": "path", "Signature": "v4"]))
        #expect(file.profiles["p"]?.options["long"]?.string == "a\nb\n\nc")
    }

    @Test(arguments: [
        ("[profile p]\na=1\na=2\n", 3),
        ("[profile p]\n[profile p]\n", 2),
        ("x = 1\n", 1),
        ("[profile p]\nno delimiter\n", 2),
        ("[profile p]\ns3 =\n  novalue\n", 2),
    ])
    func errorsNameTheLine(text: String, line: Int) {
        #expect {
            try parse(text)
        } throws: { error in
            (error as? ConfigError)?.message.hasPrefix("/cfg:\(line):") == true
        }
    }

    @Test func sectionNamesFollowShlex() throws {
        let file = try parse("[profile 'q u']\n[profilex y]\n[profile a b]\n[profile \"open]\n[sso-session s]\n[services svc]\n")
        #expect(Array(file.profiles.keys) == ["q u", "y"])
        #expect(Array(file.ssoSessions.keys) == ["s"])
        #expect(Array(file.services.keys) == ["svc"])
    }

    @Test func defaultSectionIsInheritedByEverySection() throws {
        let file = try parse("[DEFAULT]\noutput = json\n[profile p]\nregion = r\n")
        #expect(file.profiles["p"]?.options["output"]?.string == "json")
    }

    @Test func shlexMatchesPython() throws {
        #expect(try PythonText.shlexSplit(#"profile "a\"b""#) == ["profile", "a\"b"])
        #expect(try PythonText.shlexSplit(#"profile "a\xb""#) == ["profile", "a\\xb"])
        #expect(try PythonText.shlexSplit(#"profile a\ b"#) == ["profile", "a b"])
        #expect(try PythonText.shlexSplit("profile ''") == ["profile", ""])
        #expect(throws: PythonText.ShlexError.self) { try PythonText.shlexSplit("profile 'x") }
    }
}

@Suite struct ProfileNamesTests {
    func names(_ text: String) throws -> [String] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("vault-names-\(UUID().uuidString)").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try ConfigFile.profileNames(path: path)
    }

    @Test func namesOnlyAgreesWithTheFullReader() throws {
        let text = "[profile b]\nx = 1\n[default]\n[profile a]\ns3 =\n  k = v\n[sso-session s]\n"
        #expect(try names(text) == Array(parse(text).profiles.keys))
        #expect(try names(text) == ["b", "default", "a"])
    }

    @Test func aBadDefaultValueCountsOnlyWhereItIsInherited() throws {
        let overridden = "[DEFAULT]\ns3 =\n  bad\n[profile p]\ns3 = x\n"
        #expect(try names(overridden) == ["p"])
        #expect(try parse(overridden).profiles["p"]?.options["s3"]?.string == "x")
        let inherited = "[DEFAULT]\ns3 =\n  bad\n[profile p]\n"
        #expect(throws: ConfigError.self) { try names(inherited) }
        #expect(throws: ConfigError.self) { try parse(inherited) }
    }

    @Test func duplicatesAreCaughtWithoutKeepingValues() {
        #expect {
            _ = try names("[profile p]\na = 1\nA = 2\n")
        } throws: { error in
            guard case .duplicateOption(let section, let option, let location) = error as? ConfigError else { return false }
            return section == "profile p" && option == "a" && location.line == 3
        }
    }
}
