import Foundation
import Testing
@testable import VaultCore

private func hex(_ data: Data) -> String { data.map { String(format: "%02x", $0) }.joined() }
private func bytes(_ hex: String) -> Data {
    Data(stride(from: 0, to: hex.count, by: 2).map { UInt8(hex.dropFirst($0).prefix(2), radix: 16)! })
}

@Test func pbkdf2MatchesRFC7914() throws {
    let key = try KDF.pbkdf2SHA256(passphrase: Data("passwd".utf8), salt: Data("salt".utf8), iterations: 1, length: 64)
    #expect(hex(key) == "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783")
}

@Test func keyUnwrapMatchesRFC3394AndRefusesAWrongKey() throws {
    let kek = bytes("000102030405060708090a0b0c0d0e0f")
    let wrapped = bytes("1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5")
    #expect(hex(try KeyWrap.unwrap(wrapped, kek: kek)) == "00112233445566778899aabbccddeeff")
    var otherKEK = kek
    otherKEK[0] ^= 1
    #expect(throws: CryptoError.authenticationFailed) { try KeyWrap.unwrap(wrapped, kek: otherKEK) }
    #expect(throws: CryptoError.malformed) { try KeyWrap.unwrap(wrapped.prefix(20), kek: kek) }
}

@Test func jweRefusesWhatIsNotPBES2WithA256GCM() {
    func token(_ header: String) -> Data {
        let encoded = Data(header.utf8).base64EncodedString().replacing("=", with: "").replacing("+", with: "-").replacing("/", with: "_")
        return Data((encoded + ".AAAA.AAAA.AAAA.AAAA").utf8)
    }
    let passphrase = Data("pw".utf8)
    #expect(throws: JWE.Failure.malformed("not a JWE in compact form (3 parts, not 5)")) { try JWE.decrypt(Data("a.b.c".utf8), passphrase: passphrase) }
    #expect(throws: JWE.Failure.malformed("only alg PBES2-HS256+A128KW with enc A256GCM is read")) {
        try JWE.decrypt(token(#"{"alg":"dir","enc":"A256GCM"}"#), passphrase: passphrase)
    }
    #expect(throws: JWE.Failure.malformed("compressed (zip) content is not read")) {
        try JWE.decrypt(token(#"{"alg":"PBES2-HS256+A128KW","enc":"A256GCM","zip":"DEF","p2c":1,"p2s":"AAAAAAAAAAA"}"#), passphrase: passphrase)
    }
    #expect(throws: JWE.Failure.malformed("p2c is missing or outside 1…1000000")) {
        try JWE.decrypt(token(#"{"alg":"PBES2-HS256+A128KW","enc":"A256GCM","p2c":99999999,"p2s":"AAAAAAAAAAA"}"#), passphrase: passphrase)
    }
    #expect(throws: JWE.Failure.malformed("its key, IV or tag has the wrong size for A128KW/A256GCM")) {
        try JWE.decrypt(token(#"{"alg":"PBES2-HS256+A128KW","enc":"A256GCM","p2c":1,"p2s":"AAAAAAAAAAA"}"#), passphrase: passphrase)
    }
}

@Test func awsVaultFileNamesArePercentEncodedLike99designsKeyring() {
    #expect(AWSVaultFileKeyring.escape("team/a%b") == "team%2Fa%25b")
    #expect(AWSVaultFileKeyring.unescape("team%2Fa%25b") == "team/a%b")
    #expect(AWSVaultFileKeyring.unescape("plain") == "plain")
    #expect(AWSVaultFileKeyring.unescape("50%") == "50%")  // a bare % (older, unescaped names) stays
    for name in ["a", "%", "%%2F", "x/y/z", "émoji 🚀", "sts.GetSessionToken,d29yaw,,1700000000"] {
        #expect(AWSVaultFileKeyring.unescape(AWSVaultFileKeyring.escape(name)) == name)
    }
}
