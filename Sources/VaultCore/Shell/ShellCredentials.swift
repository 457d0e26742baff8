#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// What `vault env` and the hook ask for.
package struct ShellCredentialRequest: Sendable, Equatable {
    package var profile: String
    package var region: String?
    package var duration: Int?
    package var noSession: Bool
    package var mfaToken: String?

    package init(profile: String, region: String? = nil, duration: Int? = nil, noSession: Bool = false, mfaToken: String? = nil) {
        self.profile = profile
        self.region = region
        self.duration = duration
        self.noSession = noSession
        self.mfaToken = mfaToken
    }
}

/// The seam between the shell integration and the credential pipeline.
package protocol ShellCredentialIssuer {
    func issue(_ request: ShellCredentialRequest) throws -> (credentials: Credentials, region: String?)
}

/// Interim issuer until `CredentialService` lands in main: supports profiles
/// with `credential_process` only (the JSON botocore documents). Replace by
/// a thin adapter over `CredentialService.issue` on merge.
package struct InterimCredentialIssuer: ShellCredentialIssuer {
    package let settings: Settings

    package init(settings: Settings) {
        self.settings = settings
    }

    struct ProcessOutput: Decodable {
        var Version: Int
        var AccessKeyId: String
        var SecretAccessKey: String
        var SessionToken: String?
        var Expiration: String?
    }

    package func issue(_ request: ShellCredentialRequest) throws -> (credentials: Credentials, region: String?) {
        let file = try settings.loadConfig()
        let profile = try ProfileResolver(file: file, settings: settings).resolve(request.profile)
        guard let command = profile.credentialProcess else {
            throw ShellError.credentials(profile: request.profile, reason: "only credential_process profiles are supported in this build")
        }
        let output = try Self.run(command, profile: request.profile)
        guard let parsed = try? JSONDecoder().decode(ProcessOutput.self, from: Data(output)) else {
            throw ShellError.credentials(profile: request.profile, reason: "credential_process printed no valid JSON")
        }
        let expiration = parsed.Expiration.flatMap(RFC3339.date(from:))
        let credentials = Credentials(accessKeyID: parsed.AccessKeyId, secretAccessKey: parsed.SecretAccessKey,
                                      sessionToken: parsed.SessionToken, expiration: expiration)
        return (credentials, request.region ?? profile.region)
    }

    /// Runs `/bin/sh -c command` with stdout to a pipe, stderr and the terminal inherited.
    static func run(_ command: String, profile: String) throws -> [UInt8] {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw ShellError.credentials(profile: profile, reason: "pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sh"), strdup("-c"), strdup(command), nil]
        defer { argv.forEach { free($0) } }
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ)
        close(fds[1])
        guard spawned == 0 else {
            close(fds[0])
            throw ShellError.credentials(profile: profile, reason: "cannot run credential_process")
        }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            output.append(contentsOf: buffer[0..<n])
        }
        close(fds[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard status == 0 else {
            throw ShellError.credentials(profile: profile, reason: "credential_process failed (status \(status))")
        }
        return output
    }
}
