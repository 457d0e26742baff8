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
