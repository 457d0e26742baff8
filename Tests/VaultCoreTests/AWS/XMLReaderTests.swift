import Testing
@testable import VaultCore

@Suite struct XMLReaderTests {
    static let assumeRole = """
        <?xml version="1.0" encoding="UTF-8"?>
        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <AssumeRoleResult>
            <SourceIdentity>alice</SourceIdentity>
            <AssumedRoleUser>
              <Arn>arn:aws:sts::123456789012:assumed-role/demo/Bob</Arn>
              <AssumedRoleId>ARO123EXAMPLE123:Bob</AssumedRoleId>
            </AssumedRoleUser>
            <Credentials>
              <AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId>
              <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>
              <SessionToken>AQoDYXdzEPT//////////wEXAMPLE&amp;&#x41;&#66;</SessionToken>
              <Expiration>2019-11-09T13:34:41Z</Expiration>
            </Credentials>
            <PackedPolicySize>6</PackedPolicySize>
          </AssumeRoleResult>
          <!-- a comment -->
          <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
        </AssumeRoleResponse>
        """

    @Test func readsAnAssumeRoleResponse() throws {
        let root = try XMLReader.parse(Array(Self.assumeRole.utf8))
        #expect(root.name == "AssumeRoleResponse")
        #expect(root["AssumeRoleResult", "Credentials", "SessionToken"]?.text == "AQoDYXdzEPT//////////wEXAMPLE&AB")
        #expect(root["AssumeRoleResult", "AssumedRoleUser", "Arn"]?.text == "arn:aws:sts::123456789012:assumed-role/demo/Bob")
        #expect(root.descendant("RequestId")?.text == "c6104cbe-af31-11e0-8154-cbc7ccf896c7")
    }

    @Test func readsSelfClosingCDATAAndPrefixes() throws {
        let root = try XMLReader.parse(Array("<a:R xmlns:a='x'><a:B/><C><![CDATA[<raw>&]]></C></a:R>".utf8))
        #expect(root.localName == "R")
        #expect(root.child("B") != nil)
        #expect(root.child("C")?.text == "<raw>&")
    }

    /// Every prefix of a valid document is refused with an error: a
    /// truncated answer never parses as something shorter.
    @Test func everyTruncationIsAnError() {
        let bytes = Array(Self.assumeRole.utf8)
        var accepted: [Int] = []
        for length in 0..<bytes.count {
            if (try? XMLReader.parse(bytes[0..<length])) != nil { accepted.append(length) }
        }
        // Only the trailing whitespace-free end may be cut: nothing shorter than the closing tag parses.
        #expect(accepted.isEmpty, "prefixes accepted: \(accepted.prefix(5))")
    }

    @Test(arguments: [
        "", "   ", "<", "<a>", "<a></b>", "<a><b></a></b>", "<a>&unknown;</a>", "<a>&#0;</a>", "<a>&#xD800;</a>",
        "<a>&amp</a>", "<a b=c></a>", "<a b='1' b='2'></a>", "<a b='1'c='2'></a>", "<a></a><b></b>", "<a></a>trailing",
        "<!DOCTYPE a><a></a>", "<a><!ENTITY x 'y'></a>", "<a>\u{01}</a>", "<1a></1a>", "<a><![CDATA[open</a>",
        "<a><!-- open</a>", "<?xml version='1.0'", "text only", "<a b='<'></a>", "</a>",
    ])
    func malformedDocumentsAreRejected(_ text: String) {
        #expect(throws: XMLReader.Failure.self) { try XMLReader.parse(Array(text.utf8)) }
    }

    @Test func invalidUTF8TextIsRejected() {
        #expect(throws: XMLReader.Failure.self) { try XMLReader.parse([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0x3c, 0x2f, 0x61, 0x3e]) }
    }

    @Test func deepNestingIsRejectedNotACrash() {
        let deep = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        #expect(throws: XMLReader.Failure.self) { try XMLReader.parse(Array(deep.utf8)) }
    }

    /// Random bytes and random mutations of a valid answer: an error or a value, never a crash.
    @Test func randomInputNeverCrashes() {
        var rng = SplitMix(seed: 42)
        let base = Array(Self.assumeRole.utf8)
        for round in 0..<3000 {
            var bytes = base
            if round % 3 == 0 {
                bytes = (0..<Int(rng.next() % 200)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            } else {
                for _ in 0..<(1 + Int(rng.next() % 4)) {
                    let i = Int(rng.next() % UInt64(bytes.count))
                    let table = Array("<>/&;=\"'![]-?#x \n".utf8)
                    bytes[i] = table[Int(rng.next() % UInt64(table.count))]
                }
            }
            _ = try? XMLReader.parse(bytes)
        }
    }
}

