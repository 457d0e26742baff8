import FuzzSupport
import OrderedCollections
@testable import VaultCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The AWS config reader (botocore's INI rules), the one-pass scan and the
/// names-only reader that `vault list --profiles` runs on every Tab, and the
/// profile resolver over what they read. Beyond "no crash": the two readers must agree — both
/// fail with the same error, or both succeed with the same profile names.
func check(_ bytes: [UInt8]) {
    let path = "/fuzz/config"
    let full = Result { () throws(ConfigError) in try ConfigFile.parse(Data(bytes), path: path) }
    // The one-pass scan answers only where it is sure: then with the reader's names.
    if let scanned = ProfileNameScan.names(bytes) {
        guard case .success(let file) = full else { preconditionFailure("list --profiles' scan accepts a config the reader refuses") }
        precondition(Array(file.profiles.keys) == scanned, "list --profiles' scan names other profiles than the config has")
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
        precondition(full.failure == .notUTF8(path: path), "a file that is not UTF-8 was read")
        return
    }
    let namesOnly = Result { () throws(ConfigError) in
        Array(ProfileMap.build(try INIReader(path: path, namesOnly: true).read(text), path: path).profiles.keys)
    }
    switch (full, namesOnly) {
    case (.success(let file), .success(let names)):
        precondition(Array(file.profiles.keys) == names, "list --profiles names other profiles than the config has")
        resolveEvery(file)
    case (.failure(let error), .failure(let namesError)):
        precondition(error == namesError, "list --profiles fails otherwise than the config reader")
    default:
        preconditionFailure("list --profiles and the config reader disagree on whether the file is valid")
    }
}

/// Resolves every profile, with an empty environment. Chains are as deep as
/// an input allows: scripts/fuzz caps inputs (-max_len), so a chain stays a
/// few hundred links deep (issue 11's 10,000-deep chain is another fix's).
func resolveEvery(_ file: ConfigFile) {
    let resolver = ProfileResolver(file: file, settings: Settings(environment: [:]))
    for name in file.profiles.keys {
        if let profile = try? resolver.resolve(name) {
            precondition(profile.name == name, "resolved another profile than asked")
        }
    }
    _ = try? resolver.resolve("not-in-the-file")
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { error } else { nil }
    }
}

runFuzzer(check)
