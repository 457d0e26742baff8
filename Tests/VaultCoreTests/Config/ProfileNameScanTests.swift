import Foundation
import Testing
@testable import VaultCore

/// The one-pass scan behind `vault list --profiles` against the full reader:
/// wherever the scan answers, the full reader accepts the file with the same
/// names; wherever the full reader refuses it, the scan gives up.
@Suite struct ProfileNameScanTests {
    static let pieces = [
        "[default]", "[profile a]", "[profile b]", "[profile  a]", "[profile 'q u']", "[profile \"x y\"]", "[profile a b]",
        "[profilex y]", "[profile]", "[sso-session s]", "[services svc]", "[DEFAULT]", "[Profile c]", "[]", "[x", "[ profile d ]",
        "region = us-east-1", "Region: eu-west-1", "REGION=x", "region=y", "s3 =", "  addressing_style = path", "  novalue",
        "  continued", "\tmore = text", "= empty name", "no delimiter", "# comment", "  ; comment", "", "   ", "role_arn=a:b=c",
        "output :json", "\u{0B}region=vt", "[profile e] trailing", "[profile f]]", "x=1 # not a comment",
    ]

    static func config(_ rng: inout SplitMix) -> String {
        let count = Int(rng.next() % 14)
        let lines = (0..<count).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }
        let breaks = ["\n", "\r\n", "\r"]
        return lines.map { $0 + breaks[Int(rng.next() % 3)] }.joined()
    }

    static func full(_ text: String) -> [String]? {
        guard let file = try? ConfigFile.parse(Data(text.utf8), path: "/cfg") else { return nil }
        return Array(file.profiles.keys)
    }

    @Test func agreesWithTheFullReaderOnRandomConfigs() {
        var rng = SplitMix(seed: 20261201)
        var answered = 0, refused = 0
        for _ in 0..<20000 {
            let text = Self.config(&rng)
            let fast = ProfileNameScan.names(Array(text.utf8), path: "/cfg")
            let full = Self.full(text)
            if let fast {
                answered += 1
                #expect(full == fast, "\(text.debugDescription)")
            }
            if full == nil {
                refused += 1
                #expect(fast == nil, "\(text.debugDescription)")
            }
        }
        // Both sides of the comparison must be exercised for it to mean anything.
        #expect(answered > 3000 && refused > 3000, "answered \(answered), refused \(refused)")
    }

    @Test func leavesWhatItCannotDecideToTheFullReader() {
        #expect(ProfileNameScan.names(Array("[profile é]\n".utf8), path: "/cfg") == nil)
        #expect(ProfileNameScan.names(Array("[DEFAULT]\ns3 =\n  a = b\n[profile p]\n".utf8), path: "/cfg") == nil)
        #expect(ProfileNameScan.names(Array("[profile p]\na=1\nA=2\n".utf8), path: "/cfg") == nil)
        #expect(ProfileNameScan.names(Array("[profile p]\n[default]\n[profile p]\n".utf8), path: "/cfg") == nil)
        #expect(ProfileNameScan.names(Array("[profile p]\n[default]\n[profile  p]\n".utf8), path: "/cfg") == ["p", "default"])
    }
}
