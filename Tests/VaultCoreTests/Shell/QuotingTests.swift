import Testing
@testable import VaultCore

@Test(arguments: [
    ("dev", "dev"), ("", "''"), ("a b", "$'a b'"), ("it's", "$'it\\'s'"), ("a\\b", "$'a\\\\b'"),
    ("$(x)", "$'$(x)'"), ("l\nm", "$'l\\x0am'"), ("é", "$'\\xc3\\xa9'"), ("~/x", "$'~/x'"),
])
func bashQuotesOnlyWhenNeeded(value: String, expected: String) {
    #expect(Bash().quote(value) == expected)
    #expect(Zsh().quote(value) == expected)
}

@Test(arguments: [
    ("dev", "dev"), ("", "''"), ("a b", "'a b'"), ("it's", "'it\\'s'"), ("a\\b", "'a\\\\b'"),
    ("l\nm", "'l'\\x0a'm'"), ("é", "\\xc3\\xa9"), ("50%", "'50%'"), ("\u{1}", "\\x01"),
])
func fishUsesSingleQuotesWithBreakouts(value: String, expected: String) {
    #expect(Fish().quote(value) == expected)
}

/// Python literals: valid UTF-8 as \u/\U escapes, each byte that is not UTF-8
/// as the lone surrogate \udcXX (surrogateescape gives the byte back).
@Test(arguments: [
    ([UInt8]("dev".utf8), "'dev'"), ([], "''"), (Array("it's a\\b".utf8), "'it\\'s a\\\\b'"),
    (Array("$(x)\n".utf8), "'$(x)\\x0a'"), (Array("é😀".utf8), "'\\u00e9\\U0001f600'"),
    ([0x61, 0xe9, 0x62], "'a\\udce9b'"), ([0xc3], "'\\udcc3'"), ([0xed, 0xa0, 0x80], "'\\udced\\udca0\\udc80'"),
])
func xonshWritesPythonLiterals(bytes: [UInt8], expected: String) {
    #expect(Xonsh().quote(bytes) == expected)
}

@Test func quotedWordsAreASCII() {
    let bytes = (1...255).map { UInt8($0) }
    for shell in ShellKind.allCases.map(\.shell) {
        #expect(shell.quote(bytes).utf8.allSatisfy { $0 < 0x80 && $0 != 0 })
    }
}

@Test func shellNamesAreRecognised() throws {
    #expect(ShellKind(name: "/usr/bin/zsh") == .zsh)
    #expect(ShellKind(name: "-bash") == .bash)
    #expect(ShellKind(name: "dash") == nil)
    let settings = Settings(environment: ["SHELL": "/usr/bin/fish"])
    #expect(try ShellKind.detect(explicit: nil, settings: settings, processName: { _ in "python3" }, parent: { _ in 5 }) == .fish)
    #expect(try ShellKind.detect(explicit: nil, settings: settings, processName: { $0 == 5 ? "make" : "zsh" }, parent: { $0 == 5 ? 7 : 5 }) == .zsh)
    #expect(try ShellKind.detect(explicit: nil, settings: settings, processName: { _ in "xonsh -i --rc /" }, parent: { _ in 5 }) == .xonsh)
    #expect(try ShellKind.detect(explicit: "bash", settings: settings) == .bash)
    #expect(throws: ShellError.unsupported(name: "dash")) { try ShellKind.detect(explicit: "dash", settings: settings) }
}
