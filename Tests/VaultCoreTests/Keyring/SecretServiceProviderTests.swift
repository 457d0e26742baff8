#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import VaultCore

/// Naming the program behind the Secret Service, and how long vault waits for its prompts.
@Suite struct SecretServiceProviderTests {
    @Test(arguments: [
        ("gnome-keyring-d", "/usr/bin/gnome-keyring-daemon", SecretServiceProvider.Kind.gnomeKeyring),
        ("", "/usr/bin/gnome-keyring-daemon", .gnomeKeyring),
        ("kwalletd5", "/usr/bin/kwalletd5", .kwallet),
        ("ksecretd", "/usr/libexec/ksecretd", .kwallet),
        ("keepassxc", "/usr/bin/keepassxc", .keepassxc),
        ("pass-secret-ser", "/usr/bin/pass-secret-service", .other),
        ("", "", .other),
    ])
    func theKindComesFromTheProcessNameOrItsExecutable(_ comm: String, _ executable: String, _ kind: SecretServiceProvider.Kind) {
        #expect(SecretServiceProvider.kind(comm: comm, executable: executable) == kind)
    }

    @Test func anotherProgramIsNamedByItsProcess() {
        let other = SecretServiceProvider(kind: .other, program: "pass-secret-ser", pid: 42)
        #expect(other.name == "the Secret Service provider 'pass-secret-ser'")
        #expect(other.description == "the Secret Service provider 'pass-secret-ser' (pid 42)")
        #expect(SecretServiceProvider(kind: .keepassxc, program: "keepassxc", pid: 7).description == "KeePassXC (keepassxc, pid 7)")
    }

    @Test func thisProcessIsIdentifiedFromProc() {
        let me = SecretServiceProvider.identify(pid: getpid())
        #expect(me.pid == getpid() && !me.program.isEmpty && me.kind == .other)
    }

    @Test func thePromptWaitIsLongerWhereAPersonCanSeeTheDialog() throws {
        #expect(try Settings(environment: [:]).secretServicePromptTimeout() == 10)
        #expect(try Settings(environment: ["DISPLAY": ":0"]).secretServicePromptTimeout() == 60)
        #expect(try Settings(environment: ["WAYLAND_DISPLAY": "wayland-0"]).secretServicePromptTimeout() == 60)
        #expect(try Settings(environment: ["VAULT_SECRET_SERVICE_PROMPT_TIMEOUT": "2m"]).secretServicePromptTimeout() == 120)
        for bad in ["soon", "0", "-5s", "2h"] {
            #expect(throws: KeyringError.invalidPromptTimeout(bad)) {
                try Settings(environment: ["VAULT_SECRET_SERVICE_PROMPT_TIMEOUT": bad]).secretServicePromptTimeout()
            }
        }
    }
}
