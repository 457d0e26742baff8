import Foundation
import Testing
@testable import VaultCore

/// Every input in the fuzz targets' committed corpora (Tests/Fuzz/corpus:
/// the seeds, and any input that once crashed a target), replayed through
/// the same parsers in the ordinary test run, without sanitizers: each must
/// parse or be refused with an error, and keep the property its target checks.
@Suite struct FuzzCorpusTests {
    static func corpus(_ target: String) -> [(name: String, bytes: [UInt8])] {
        let folder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/corpus/\(target)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().compactMap { name in
            (try? Data(contentsOf: folder.appendingPathComponent(name))).map { (name, Array($0)) }
        }
    }

    @Test func configCorpusReadsAlikeForListAndLoad() throws {
        let inputs = Self.corpus("fuzz-config")
        #expect(inputs.count >= 3)
        for (name, bytes) in inputs {
            let path = "/fuzz/config"
            let full = Result { () throws(ConfigError) in try ConfigFile.parse(Data(bytes), path: path) }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                #expect(throws: ConfigError.notUTF8(path: path), "\(name)") { try full.get() }
                continue
            }
            let names = Result { () throws(ConfigError) in
                Array(ProfileMap.build(try INIReader(path: path, namesOnly: true).read(text), path: path).profiles.keys)
            }
            switch (full, names) {
            case (.success(let file), .success(let names)):
                #expect(Array(file.profiles.keys) == names, "\(name)")
                let resolver = ProfileResolver(file: file, settings: Settings(environment: [:]))
                for profile in file.profiles.keys { _ = try? resolver.resolve(profile) }
            case (.failure(let error), .failure(let namesError)):
                #expect(error == namesError, "\(name)")
            default:
                Issue.record("\(name): list --profiles and the config reader disagree on whether it is valid")
            }
        }
    }

    @Test func rcFileCorpusGivesOneLineValuesOrAnError() {
        let inputs = Self.corpus("fuzz-rcfile")
        #expect(inputs.count >= 3)
        for (name, bytes) in inputs {
            guard let rc = try? RCFile.parse(Array(bytes), path: "/fuzz/.vaultrc") else { continue }
            #expect(!rc.profile.isEmpty && !rc.profile.contains("\n"), "\(name)")
        }
    }

    @Test func jsonCorpusAcceptsOnlyWhatFoundationAccepts() {
        let inputs = Self.corpus("fuzz-json")
        #expect(inputs.count >= 3)
        for (name, bytes) in inputs where (try? JSONValue.parse(bytes)) != nil {
            #expect((try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) != nil, "\(name)")
        }
    }

    @Test func xmlCorpusParsesOrThrows() {
        let inputs = Self.corpus("fuzz-xml")
        #expect(inputs.count >= 2)
        let parsed = inputs.filter { (try? XMLReader.parse($0.bytes)) != nil }
        #expect(!parsed.isEmpty)  // the seeds include real STS answers
    }

    /// The first byte picks the file (even: `store.json`, odd: an item), as in the fuzz target.
    @Test func fileStoreCorpusOpensOnlyTheGenuineItem() throws {
        let inputs = Self.corpus("fuzz-filestore")
        #expect(inputs.count >= 3)
        let key = Data(repeating: 0x42, count: AEAD.keySize)
        var opened = 0
        for (name, bytes) in inputs {
            guard let kind = bytes.first else { continue }
            let file = Data(bytes.dropFirst())
            if kind & 1 == 0 {
                _ = try? FileKeyring.parseHeader(file, path: "/fuzz/store.json")
            } else if let sealed = FileKeyring.sealedItem(file),
                      (try? AEAD.open(sealed, key: key, associatedData: FileKeyring.itemAssociatedData(key: "fuzz"))) != nil {
                opened += 1
                var forged = Data(sealed)
                forged[forged.count - 1] ^= 1
                #expect(throws: (any Error).self, "\(name)") {
                    try AEAD.open(forged, key: key, associatedData: FileKeyring.itemAssociatedData(key: "fuzz"))
                }
            }
        }
        #expect(opened >= 1)  // the genuine item: the fuzzer starts past the tag check
    }
}
