import Testing
@testable import VaultCore

struct TerminalTextTests {
    @Test func controlCharactersAreShownEscaped() {
        // OSC 0 (window title) and OSC 52 (clipboard), as a cloned .vaultrc could carry them.
        #expect(TerminalText.line("a\u{1B}]0;pwned\u{07}b") == "a\\x1b]0;pwned\\x07b")
        #expect(TerminalText.line("\u{1B}]52;c;Y3VybA==\u{1B}\\") == "\\x1b]52;c;Y3VybA==\\x1b\\")
        #expect(TerminalText.line("x\ny\tz\r\u{7F}\u{0}") == "x\\x0ay\\x09z\\x0d\\x7f\\x00")
    }

    @Test func c1ControlsAndBidiOverridesAreEscaped() {
        // U+009B is an 8-bit CSI, U+009D an 8-bit OSC; U+202E reverses what follows.
        #expect(TerminalText.line("\u{9B}31m\u{9D}0;t\u{9C}") == "\\u{009b}31m\\u{009d}0;t\\u{009c}")
        #expect(TerminalText.line("evil\u{202E}txt.exe") == "evil\\u{202e}txt.exe")
    }

    @Test func printableUTF8IsKept() {
        let text = "prod-admin eu-west-1 ✓ Zürich 東京 🙂 \\x1b"
        #expect(TerminalText.line(text) == text)
        #expect(TerminalText.isPlain(text))
        #expect(!TerminalText.isPlain("a\u{1B}"))
    }

    @Test func invalidUTF8ArrivesAsReplacementCharacters() {
        let decoded = String(decoding: [0x61, 0xFF, 0xC2, 0x9B, 0x62], as: UTF8.self)  // 0xC2 0x9B: U+009B
        #expect(TerminalText.line(decoded) == "a\u{FFFD}\\u{009b}b")
    }

    @Test func linesKeepsNewlinesAndTabsOnly() {
        #expect(TerminalText.lines("one\ttwo\nthree\u{1B}[2J\r\n") == "one\ttwo\nthree\\x1b[2J\\x0d\n")
    }
}
