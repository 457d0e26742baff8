import FuzzSupport
@testable import VaultCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The file store's envelopes, as a broken disk or another program may
/// leave them: the header (`store.json`) and an item file (`VLT1` ‖ nonce ‖
/// ciphertext ‖ tag). The first byte picks which; the rest is the file. No
/// directory, no passphrase, no kernel keyring: the pure parse functions,
/// then AES-GCM with a fixed key (the seed corpus's genuine item is sealed
/// with it), which must refuse a forgery of what it opens.
func check(_ bytes: [UInt8]) {
    guard let kind = bytes.first else { return }
    let file = Data(bytes.dropFirst())
    if kind & 1 == 0 {
        guard let header = try? FileKeyring.parseHeader(file, path: "/fuzz/store.json") else { return }
        // What unlocking reads next, short of running scrypt on the fuzzer's parameters.
        _ = (Data(base64Encoded: header.salt), Data(base64Encoded: header.key), Data(base64Encoded: header.check))
        _ = FileKeyring.cacheDescription(header)
    } else {
        guard let sealed = FileKeyring.sealedItem(file) else { return }
        guard (try? open(sealed)) != nil else { return }
        // It opened (the seed corpus holds one genuine item): one bit flipped anywhere must not.
        var forged = Data(sealed)
        forged[forged.count - 1 - Int(kind >> 1) % forged.count] ^= 1
        precondition((try? open(forged)) == nil, "AES-GCM opened a forged item")
    }
}

func open(_ sealed: Data) throws -> Data {
    try AEAD.open(sealed, key: Data(repeating: 0x42, count: AEAD.keySize), associatedData: FileKeyring.itemAssociatedData(key: "fuzz"))
}

runFuzzer(check)
