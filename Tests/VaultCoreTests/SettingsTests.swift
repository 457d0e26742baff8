import Foundation
import Testing
@testable import VaultCore

@Test func emptyVariableCountsAsUnset() {
    let settings = Settings(environment: ["AWS_CONFIG_FILE": "", "HOME": "/h"])
    #expect(settings["AWS_CONFIG_FILE"] == nil)
    #expect(settings.configFilePath == "/h/.aws/config")
}

@Test func xdgDataHomeWins() {
    let settings = Settings(environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"])
    #expect(settings.vaultDataDirectory == "/x/vault")
}

@Test func theBusAddressIsReadHereAndEscaped() {
    #expect(Settings(environment: ["DBUS_SESSION_BUS_ADDRESS": "unix:path=/b"]).sessionBusAddress == "unix:path=/b")
    #expect(Settings.escapeBusAddressValue("/run/user 1/a,b=c/bus") == "/run/user%201/a%2Cb%3Dc/bus")
    #expect(Settings.escapeBusAddressValue("/run/user/0/bus") == "/run/user/0/bus")
}

@Test func childrenGetNoSecretVariableOfVaults() {
    let child = Settings.childEnvironment(["AWS_VAULT_FILE_PASSPHRASE": "p", "PATH": "/bin", "AWS_VAULT": "dev"])
    #expect(child == ["PATH": "/bin", "AWS_VAULT": "dev"])
}

/// An environment block as `environ` holds it, for `Settings.environmentOf`.
private func withEnvironmentBlock<T>(_ entries: [[UInt8]], _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> T) -> T {
    let copies = entries.map { entry -> UnsafeMutablePointer<CChar> in
        let copy = UnsafeMutablePointer<CChar>.allocate(capacity: entry.count + 1)
        for (index, byte) in entry.enumerated() { copy[index] = CChar(bitPattern: byte) }
        copy[entry.count] = 0
        return copy
    }
    defer { copies.forEach { $0.deallocate() } }
    var block: [UnsafeMutablePointer<CChar>?] = copies + [nil]
    return block.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
}

@Test func theEnvironmentBlockIsReadAsGetenvReadsIt() {
    let entries: [[UInt8]] = [
        Array("HOME=/h".utf8), Array("EMPTY=".utf8), Array("NOEQUALS".utf8), Array("A=b=c".utf8),
        Array("AWS_PROFILE=first".utf8), Array("AWS_PROFILE=second".utf8), Array("=nameless".utf8),
        Array("BYTES=".utf8) + [0xFF, 0x41],
    ]
    let environment = withEnvironmentBlock(entries) { Settings.environmentOf($0) }
    #expect(environment == [
        "HOME": "/h", "EMPTY": "", "A": "b=c", "AWS_PROFILE": "first", "": "nameless", "BYTES": "\u{FFFD}A",
    ])
    #expect(Settings.environmentOf(nil) == [:])
}

@Test func theProcessEnvironmentIsWhatProcessInfoSees() {
    // The process's own block has no repeated names, so the two must agree.
    #expect(Settings.process().environment == ProcessInfo.processInfo.environment)
}

@Test func aChildGetsUnchangedEntriesByteForByte() {
    let own: [[UInt8]] = [
        Array("PATH=/bin".utf8), Array("ODD=".utf8) + [0xFF], Array("N".utf8) + [0xFE] + Array("=v".utf8),
        Array("AWS_VAULT_FILE_PASSPHRASE=secret".utf8), Array("AWS_PROFILE=old".utf8), Array("ODD=second".utf8),
    ]
    let block: [[UInt8]] = withEnvironmentBlock(own) { ownBlock in
        var environment = Settings.environmentOf(ownBlock)
        environment["AWS_PROFILE"] = "new"  // changed by vault: written from the String
        environment["AWS_VAULT"] = "new"  // added by vault
        let child = Settings.childEnvironmentBlock(environment, own: ownBlock)
        defer { child.forEach { free($0) } }
        #expect(child.last! == nil)
        return child.dropLast().map { Array(UnsafeBufferPointer(start: UnsafeRawPointer($0!).assumingMemoryBound(to: UInt8.self), count: strlen($0!))) }
    }
    #expect(block == [
        Array("AWS_PROFILE=new".utf8), Array("AWS_VAULT=new".utf8), Array("N".utf8) + [0xFE] + Array("=v".utf8),
        Array("ODD=".utf8) + [0xFF], Array("PATH=/bin".utf8),
    ])
}
