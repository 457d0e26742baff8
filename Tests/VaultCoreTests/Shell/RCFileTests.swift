import Testing
@testable import VaultCore

@Test func rcFileReadsProfileRegionCommentsAndBlankLines() throws {
    let rc = try RCFile.parse("# project\n\nprofile = prod-admin\n  region=eu-west-1  \n", path: "/p/.vaultrc")
    #expect(rc == RCFile(path: "/p/.vaultrc", profile: "prod-admin", region: "eu-west-1"))
}

@Test func rcFileRejectsAnyOtherLineWithFileAndLine() {
    #expect(throws: ShellError.rcSyntax(path: "/p/.vaultrc", line: 2, text: "export X=1")) {
        try RCFile.parse("profile = a\nexport X=1\n", path: "/p/.vaultrc")
    }
    #expect(throws: ShellError.rcSyntax(path: "/p/.vaultrc", line: 1, text: "role = x")) {
        try RCFile.parse("role = x\n", path: "/p/.vaultrc")
    }
    #expect(throws: ShellError.rcDuplicate(path: "/p/.vaultrc", line: 2, key: "profile")) {
        try RCFile.parse("profile = a\nprofile = b\n", path: "/p/.vaultrc")
    }
    #expect(throws: ShellError.rcMissingProfile(path: "/p/.vaultrc")) { try RCFile.parse("region = x\n", path: "/p/.vaultrc") }
    #expect(ShellError.rcSyntax(path: "/p/.vaultrc", line: 2, text: "x").message.hasPrefix("/p/.vaultrc:2: "))
}

@Test func minimumTTLParsesDurations() {
    #expect(Settings(environment: [:]).shellMinimumTTL == 300)
    #expect(Settings(environment: ["AWS_MIN_TTL": "15m"]).shellMinimumTTL == 900)
    #expect(Settings(environment: ["AWS_MIN_TTL": "90"]).shellMinimumTTL == 90)
}

@Test func promptSegmentShowsTimeLeftMarksUnderTTLAndExpiry() {
    var segment = PromptSegment(profile: "prod-admin", region: "eu-west-1", expiration: 10_000, minimumTTL: 300, format: "%p %t")
    #expect(segment.render(now: 10_000 - 42 * 60) == "prod-admin 42m")
    #expect(segment.render(now: 10_000 - 4 * 60) == "prod-admin 4m!")
    #expect(segment.render(now: 10_001) == "prod-admin expired")
    #expect(segment.render(now: 10_000 - 3900) == "prod-admin 1h5m")
    segment.format = "[%p@%r]"
    #expect(segment.render(now: 0) == "[prod-admin@eu-west-1]")
    segment.expiration = nil
    segment.format = "%p %t"
    #expect(segment.render(now: 0) == "prod-admin")
}

@Test func promptSegmentEscapesControlCharactersInNames() {
    let segment = PromptSegment(profile: "p\u{1B}]0;t\u{07}", region: "r\u{9B}2J", expiration: nil, minimumTTL: 0, format: "%p %r")
    #expect(segment.render(now: 0) == "p\\x1b]0;t\\x07 r\\u{009b}2J")
}

@Test func rcFileParsesBytesAsTheFuzzerFeedsThem() throws {
    #expect(try RCFile.parse(Array("profile = a\n".utf8), path: "/p/.vaultrc").profile == "a")
    #expect(throws: ShellError.self) { try RCFile.parse([0xFF, 0x00, 0x1B], path: "/p/.vaultrc") }
}
