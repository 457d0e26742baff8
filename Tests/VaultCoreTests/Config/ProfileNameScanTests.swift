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
        // Spellings of one name (only a header `profile NAME` with one space names a profile no other header can).
        "[profile default]", "[profile\ta]", "[profile a ]", "[profile 'default']", "[profile \"a\"]", "[profile  default ]",
        // Nested values: Python's splitlines also breaks at \f, \v and \x1c-\x1e, and only `=` separates.
        "sts =", "sso_registration_scopes: a=b", "credential_process_x =:", "a_long_option_name_without_any_delimiter", "  k\u{0C}v = 1", "  k = 1\u{0C}v", "  k = 1\u{1C}", "  a : b", "\u{0C}  x = 1",
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
            let fast = ProfileNameScan.names(Array(text.utf8))
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

    /// The bench's shapes at size: every profile kind, nested sections, comments.
    @Test func agreesWithTheFullReaderOnALargeConfig() {
        var lines = ["# a large config", "[default]", "region = us-east-1", "[sso-session corp]", "sso_start_url = https://x/start"]
        for index in 0..<3000 {
            lines.append(index % 97 == 0 ? "[profile\tq\(index)]" : "[profile p\(index)]")
            switch index % 5 {
            case 0: lines += ["mfa_serial = arn:aws:iam::123456789012:mfa/u\(index)"]
            case 1: lines += ["source_profile = p\(index - 1)", "role_arn = arn:aws:iam::123456789012:role/r", "# note"]
            case 2: lines += ["sso_session = corp", "sso_account_id = 123456789012", "sso_role_name = Role"]
            case 3: lines += ["s3 =", "  addressing_style = path", "", "  max_concurrent_requests = 20"]
            default: lines += ["credential_process = /bin/get --profile p\(index)", "Region: eu-west-1"]
            }
        }
        lines.append("[profile extra]\n[services s]\nsts =\n  endpoint_url = http://127.0.0.1")
        let text = lines.joined(separator: "\n")
        let fast = ProfileNameScan.names(Array(text.utf8))
        #expect(fast != nil)
        #expect(fast == Self.full(text))
        #expect(fast?.count == 3002)
    }

    /// Past the sizes the scan starts with: its header table grows (bare
    /// headers are far more than it expects of a file's size) and a section's
    /// option list grows past 16; a repeat is still found after either.
    @Test func repeatsAreFoundAfterTheTablesGrow() {
        let headers = (0..<5000).map { "[profile p\($0)]\n" }.joined()
        #expect(ProfileNameScan.names(Array(headers.utf8))?.count == 5000)
        #expect(ProfileNameScan.names(Array((headers + "[profile p17]\n").utf8)) == nil)
        let options = "[profile big]\n" + (0..<40).map { "option_\($0) = x\n" }.joined()
        #expect(ProfileNameScan.names(Array(options.utf8)) == ["big"])
        #expect(ProfileNameScan.names(Array((options + "OPTION_3 = y\n").utf8)) == nil)
        #expect(Self.full(options + "OPTION_3 = y\n") == nil)
    }

    @Test func aNameSpelledTwoWaysIsListedOnce() {
        let text = "[profile  a]\n[profile a]\n[profile default]\n[default]\n[profile 'b']\n[profile b]\n[profile\tc]\n"
        #expect(ProfileNameScan.names(Array(text.utf8)) == ["a", "default", "b", "c"])
        #expect(Self.full(text) == ["a", "default", "b", "c"])
    }

    @Test func leavesWhatItCannotDecideToTheFullReader() {
        #expect(ProfileNameScan.names(Array("[profile é]\n".utf8)) == nil)
        #expect(ProfileNameScan.names(Array("[DEFAULT]\ns3 =\n  a = b\n[profile p]\n".utf8)) == nil)
        #expect(ProfileNameScan.names(Array("[profile p]\na=1\nA=2\n".utf8)) == nil)
        #expect(ProfileNameScan.names(Array("[profile p]\n[default]\n[profile p]\n".utf8)) == nil)
        #expect(ProfileNameScan.names(Array("[profile p]\n[default]\n[profile  p]\n".utf8)) == ["p", "default"])
    }
}
