import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import VaultCore

@Test func browserEntriesTakeTheURLForPercentSOrAtTheEnd() {
    let settings = Settings(environment: ["BROWSER": "firefox --new-window:lynx -dump %s:"])
    let commands = Browser.commands(for: "https://x/?a=1", settings: settings)
    #expect(commands == [["firefox", "--new-window", "https://x/?a=1"], ["lynx", "-dump", "https://x/?a=1"], ["xdg-open", "https://x/?a=1"]])
}

@Test func theFirstBrowserFoundOpensTheURL() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vault-browser-\(getpid())-\(Int.random(in: 0..<1_000_000))").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let script = dir + "/fake-browser"
    try "#!/bin/sh\nprintf '%s' \"$1\" > \"\(dir)/opened\"\n".write(toFile: script, atomically: true, encoding: .utf8)
    chmod(script, 0o755)
    let settings = Settings(environment: ["BROWSER": "missing-browser:fake-browser", "PATH": dir])
    #expect(Browser.open("https://example/?x=1&y=2", settings: settings) == .opened(command: "fake-browser"))
    #expect(try String(contentsOfFile: dir + "/opened", encoding: .utf8) == "https://example/?x=1&y=2")
}

@Test func noBrowserSaysWhyForEachCandidate() {
    let settings = Settings(environment: ["BROWSER": "missing-browser", "PATH": "/nonexistent"])
    #expect(Browser.open("https://x", settings: settings) == .notOpened(reasons: ["missing-browser: not found", "xdg-open: not found"]))
}

@Test func aBrowserThatFailsIsReportedWithItsStatus() {
    let settings = Settings(environment: ["BROWSER": "/bin/false", "PATH": "/nonexistent"])
    #expect(Browser.open("https://x", settings: settings) == .notOpened(reasons: ["/bin/false: exited with status 1", "xdg-open: not found"]))
}
