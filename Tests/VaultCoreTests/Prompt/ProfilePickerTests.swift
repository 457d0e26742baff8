import Testing
@testable import VaultCore

struct ProfilePickerTests {
    let entries = ["dev", "prod", "prod-admin", "staging"].map { PickerEntry(name: $0, kind: "keys", session: nil) }

    @Test func fuzzyMatchesSubsequencesOnly() {
        #expect(FuzzyMatch.score("prd", "prod") != nil)
        #expect(FuzzyMatch.score("PRD", "prod") != nil)
        #expect(FuzzyMatch.score("dp", "prod") == nil)
        #expect(FuzzyMatch.score("", "anything") == 0)
    }

    @Test func closerMatchesComeFirst() {
        #expect(FuzzyMatch.filter(entries, "pa").map(\.name) == ["prod-admin"])
        #expect(FuzzyMatch.filter(entries, "prod").map(\.name) == ["prod", "prod-admin"])
        #expect(FuzzyMatch.filter(entries, "").map(\.name) == ["dev", "prod", "prod-admin", "staging"])
    }

    @Test func keysMoveFilterChooseAndCancel() {
        var picker = ProfilePicker(entries: entries)
        #expect(picker.handle(.down) == .pending)
        #expect(picker.handle(.down) == .pending)
        #expect(picker.handle(.up) == .pending)
        #expect(picker.handle(.enter) == .chosen("prod"))
        #expect(picker.handle(.text("s")) == .pending)
        #expect(picker.selected == 0)
        #expect(picker.handle(.enter) == .chosen("staging"))
        #expect(picker.handle(.text("zzz")) == .pending)
        #expect(picker.handle(.enter) == .pending)  // nothing matches: Enter does nothing
        #expect(picker.handle(.cancel) == .cancelled)
    }

    @Test func selectionStaysInTheList() {
        var picker = ProfilePicker(entries: entries)
        for _ in 0..<10 { _ = picker.handle(.down) }
        #expect(picker.selected == 3)
        for _ in 0..<10 { _ = picker.handle(.up) }
        #expect(picker.selected == 0)
    }

    @Test func namesFromTheFileNeverReachTheTerminalRaw() {
        let picker = ProfilePicker(entries: [PickerEntry(name: "evil\u{1B}]0;pwned\u{07}\u{9B}x\u{202E}", kind: "keys\r", session: nil)])
        let drawn = picker.lines().joined()
        #expect(!drawn.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" })
        #expect(drawn.contains("evil?]0;pwned??x?"))
    }
}
