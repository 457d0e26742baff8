import Foundation
import Testing
@testable import VaultCore

@Test func scryptMatchesRFC7914() throws {
    let key = try KDF.scrypt(passphrase: Data(), salt: Data(), parameters: .init(logN: 4, r: 1, p: 1), length: 64)
    #expect(key.map { String(format: "%02x", $0) }.joined() ==
        "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906")
}

@Test func aeadOpensWhatItSealed() throws {
    let key = try Random.bytes(32)
    let sealed = try AEAD.seal(Data("hello".utf8), key: key, associatedData: Data("name".utf8))
    #expect(try AEAD.open(sealed, key: key, associatedData: Data("name".utf8)) == Data("hello".utf8))
    #expect(try AEAD.open(try AEAD.seal(Data(), key: key), key: key) == Data())
}

@Test func aeadRefusesAChangedByteKeyOrName() throws {
    let key = try Random.bytes(32)
    let sealed = try AEAD.seal(Data("hello".utf8), key: key, associatedData: Data("name".utf8))
    var tampered = sealed
    tampered[14] ^= 1
    #expect(throws: CryptoError.authenticationFailed) { try AEAD.open(tampered, key: key, associatedData: Data("name".utf8)) }
    #expect(throws: CryptoError.authenticationFailed) { try AEAD.open(sealed, key: try Random.bytes(32), associatedData: Data("name".utf8)) }
    #expect(throws: CryptoError.authenticationFailed) { try AEAD.open(sealed, key: key, associatedData: Data("other".utf8)) }
    #expect(throws: CryptoError.malformed) { try AEAD.open(Data([1, 2, 3]), key: key) }
}

@Test func twoSealsOfTheSameTextDiffer() throws {
    let key = try Random.bytes(32)
    #expect(try AEAD.seal(Data("x".utf8), key: key) != AEAD.seal(Data("x".utf8), key: key))
}
