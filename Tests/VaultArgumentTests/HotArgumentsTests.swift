import ArgumentParser
import Foundation
import Testing
@testable import vault

/// The hot path reads `export`, `env` and `hook-apply` without ArgumentParser;
/// wherever it answers, it must answer exactly as ArgumentParser would.
@Suite struct HotArgumentsTests {
    /// What ArgumentParser makes of `arguments`, as a `HotCommand` (nil: an
    /// error, help, or another command).
    static func parsedByArgumentParser(_ arguments: [String]) -> HotCommand? {
        switch try? Vault.parseAsRoot(arguments) {
        case let command as Vault.Export: command.hot
        case let command as Vault.Env: command.hot
        case let command as Vault.HookApply: command.hot
        default: nil
        }
    }

    /// Every spelling of every option in `OptionTable` (`--name`, `-x`, `--name=v`,
    /// `-xv`, `--name=`), values good and bad, and the other commands' words.
    static let words: [String] = {
        var words = [
            "work", "prod-admin", "", " ", "help", "a=b", "-", "--", "-x", "--x", "-h", "--help", "--version",
            "--format", "json", "ini", "export-env", "bogus", "--format=json", "--format=", "--format=-x", "--format=ini=x",
            "1h", "0s", "-dn", "-nd", "123456", "--mfa-token=-1", "eu-west-1", "ykman", "--prompt=zenity",
            "file", "secret-service", "nope", "--backend=file", "--backend=nope", "awsvault",
            "--unset", "--shell", "fish", "bash", "--shell=zsh",
            "why=enter", "rc=/p/.vaultrc", "profile=", "region=-x", "no-session=", "key", "=",
        ]
        for option in OptionTable.credential + OptionTable.store {
            words += [option.longName, option.longName + "=", option.longName + "=45m"]
            if let short = option.shortName { words += [short, short + "1h"] }
        }
        return words
    }()

    @Test func agreesWithArgumentParserOnARandomCorpus() {
        var random = Xorshift(seed: 20261129)
        var answered = 0
        for _ in 0..<6000 {
            let command = ["export", "env", "hook-apply"][random.below(3)]
            let arguments = [command] + (0..<random.below(6)).map { _ in Self.words[random.below(Self.words.count)] }
            guard let hot = HotArguments.parse(arguments) else { continue }
            answered += 1
            #expect(hot == Self.parsedByArgumentParser(arguments), "\(arguments)")
        }
        #expect(answered > 450)  // the corpus exercises the hot path, not only the fallback
    }

    /// The forms credential_process, `eval "$(vault env …)"` and the hook use take the hot path.
    @Test(arguments: [
        ["export", "work"],
        ["export", "--format", "json", "work"],
        ["export", "work", "--format=json"],
        ["export", "work", "-d", "1h", "-t", "123456", "-n", "--region", "eu-west-1", "--backend", "file"],
        ["export", "work", "--secret-service-collection", "awsvault", "--backend=secret-service"],
        ["env", "prod"],
        ["env", "--unset"],
        // No profile: AWS_PROFILE or the picker, decided when it runs.
        ["env"],
        ["export"],
        ["export", "--format", "json"],
        ["env", "prod", "--shell", "fish", "--duration", "45m"],
        ["hook-apply", "bash", "why=enter", "rc=/p/.vaultrc", "origin=", "profile=prod", "region=", "duration=", "no-session="],
        ["hook-apply", "fish"],
    ])
    func everydayFormsAreHot(_ arguments: [String]) throws {
        let hot = try #require(HotArguments.parse(arguments))
        #expect(hot == Self.parsedByArgumentParser(arguments))
    }

    /// Help, mistakes and unknown spellings go to ArgumentParser, which explains them.
    @Test(arguments: [
        ["export", "--help"], ["export", "-h"], ["export", "a", "b"], ["export", "work", "--format", "yaml"],
        ["export", "work", "--backend", "nope"], ["export", "work", "--format", "json", "--format", "ini"],
        ["export", "work", "-d"], ["export", "work", "-t", "-1"], ["export", "--", "work"],
        ["env", "prod", "--unset"], ["env", "--unset", "--unset"], ["env", "prod", "--bogus"],
        ["hook-apply"], ["hook-apply", "bash", "noequals"], ["hook-apply", "--help"], ["hook-apply", "bash", "--x=1"],
        ["list"], ["exec", "work", "--", "true"], [],
    ])
    func othersFallBack(_ arguments: [String]) {
        #expect(HotArguments.parse(arguments) == nil)
    }

    /// The fuzz target's corpus (Tests/Fuzz/corpus/fuzz-hot-arguments: NUL-separated
    /// argument lists), held to the same rule as the random corpus above.
    @Test func fuzzCorpusAgreesWithArgumentParser() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/corpus/fuzz-hot-arguments")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.count >= 5)
        for name in names {
            let bytes = try Data(contentsOf: folder.appendingPathComponent(name))
            let arguments = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            guard let hot = HotArguments.parse(arguments) else { continue }
            #expect(hot == Self.parsedByArgumentParser(arguments), "\(name): \(arguments)")
        }
    }
}

/// A small seeded generator: the same corpus on every run.
struct Xorshift {
    var state: UInt64
    init(seed: UInt64) { state = seed | 1 }
    mutating func below(_ bound: Int) -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % UInt64(bound))
    }
}
