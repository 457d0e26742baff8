import Testing
@testable import VaultCore

/// aws-vault's TestSetSessionTags and TestSetTransitiveSessionTags (config_test.go), as facts.
@Suite struct SessionTagsTests {
    @Test(arguments: [
        ("tag1=value1", [["tag1", "value1"]]),
        ("tag2=value2,tag3=value3,tag4=value4", [["tag2", "value2"], ["tag3", "value3"], ["tag4", "value4"]]),
        (" tagA = valueA ,  tagB  =  valueB  ,  tagC   =   valueC  ", [["tagA", "valueA"], ["tagB", "valueB"], ["tagC", "valueC"]]),
        ("tag1=value1,", nil), ("tagA=valueA,tagB", nil), ("tagOne,tagTwo=valueTwo", nil),
        ("tagI=valueI,tagII,tagIII=valueIII", nil), ("=value", nil), ("k=v\u{7}", nil),
    ] as [(String, [[String]]?)])
    func TestSetSessionTags(text: String, expected: [[String]]?) {
        #expect(SessionTags.pairs(text).map { $0.map { [$0.key, $0.value] } } == expected)
    }

    @Test(arguments: [
        ("tag1", ["tag1"]), ("tag2,tag3,tag4", ["tag2", "tag3", "tag4"]),
        (" tagA ,  tagB  ,   tagC   ", ["tagA", "tagB", "tagC"]), ("tag1,", ["tag1"]), (",tagA", ["tagA"]),
        ("", []), (",", []), ("bad\u{1b}key", nil),
    ] as [(String, [String]?)])
    func TestSetTransitiveSessionTags(text: String, expected: [String]?) {
        #expect(SessionTags.keys(text) == expected)
    }

    @Test func malformedTagsAreRefusedAtFileAndLine() throws {
        #expect(throws: ConfigError.invalidTags(
            key: "session_tags", value: "tag1=value1,", profile: "a", origin: .own(SourceLocation(file: "/cfg", line: 3)),
            expected: SessionTags.pairsFormat)) {
            try resolver("[profile a]\nregion = x\nsession_tags = tag1=value1,\n").resolve("a")
        }
    }
}
