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
