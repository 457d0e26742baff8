import FuzzSupport
import VaultCore

/// The XML reader for STS and IAM answers (a proxy or a broken endpoint
/// chooses these bytes): it returns an element tree or throws, and the
/// lookups the clients make on the tree never trap.
func check(_ bytes: [UInt8]) {
    guard let root = try? XMLReader.parse(bytes) else { return }
    _ = root["AssumeRoleResult", "Credentials", "AccessKeyId"]?.text
    _ = root.descendant("Credentials")?.child("Expiration")?.text
    _ = root.descendant("Error")?.child("Code")?.localName
}

runFuzzer(check)
