import Testing
@testable import VaultCore

@Test func browserListSkipsEmptyEntries() {
    #expect(Settings(environment: ["BROWSER": "firefox::w3m %s:"]).browsers == ["firefox", "w3m %s"])
    #expect(Settings(environment: [:]).browsers.isEmpty)
}

@Test func environmentCredentialsNeedBothKeysAndTakeEitherTokenName() {
    #expect(Settings(environment: ["AWS_ACCESS_KEY_ID": "AKIA1"]).environmentCredentials == nil)
    let long = Settings(environment: ["AWS_ACCESS_KEY_ID": "AKIA1", "AWS_SECRET_ACCESS_KEY": "s"]).environmentCredentials
    #expect(long == Credentials(accessKeyID: "AKIA1", secretAccessKey: "s"))
    let old = Settings(environment: ["AWS_ACCESS_KEY_ID": "ASIA1", "AWS_SECRET_ACCESS_KEY": "s", "AWS_SECURITY_TOKEN": "t"])
    #expect(old.environmentCredentials?.sessionToken == "t")
}

@Test func completionFoldersFollowXDG() {
    let plain = Settings(environment: ["HOME": "/h"])
    #expect(plain.dataDirectories == ["/usr/local/share", "/usr/share"])
    #expect(plain.configHome == "/h/.config")
    #expect(plain.bashCompletionUserDirectory == "/h/.local/share/bash-completion")
    let set = Settings(environment: ["HOME": "/h", "XDG_DATA_DIRS": "/a:/b", "XDG_CONFIG_HOME": "/c", "BASH_COMPLETION_USER_DIR": "/d"])
    #expect(set.dataDirectories == ["/a", "/b"] && set.configHome == "/c" && set.bashCompletionUserDirectory == "/d")
}

@Test func federationEndpointComesFromTheEnvironment() {
    #expect(Settings(environment: ["VAULT_FEDERATION_ENDPOINT": "http://127.0.0.1:1/f"]).federationEndpoint == "http://127.0.0.1:1/f")
    #expect(Settings(environment: ["VAULT_FEDERATION_ENDPOINT": ""]).federationEndpoint == nil)
}
