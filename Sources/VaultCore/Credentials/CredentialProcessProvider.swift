#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A `credential_process` source: runs the command with `sh -c` and reads the
/// AWS JSON (Version 1) it prints. Its stderr goes to the terminal, as the
/// AWS CLI does, so a process that asks for something can be answered.
package struct CredentialProcessProvider: CredentialProvider {
    package let profile: String
    package let command: String

    package init(profile: String, command: String) {
        self.profile = profile
        self.command = command
    }

    struct Output: Decodable {
        var Version: Int
        var AccessKeyId: String
        var SecretAccessKey: String
        var SessionToken: String?
        var Expiration: String?
    }

    package func credentials() throws -> Credentials {
        let result = try Subprocess.run(["/bin/sh", "-c", command], captureStandardError: true)
        guard result.status == 0 else {
            throw CredentialError.processFailed(
                profile: profile, command: command, status: result.status,
                stderr: PythonText.strip(String(decoding: result.standardError, as: UTF8.self)))
        }
        let output: Output
        do {
            output = try JSONDecoder().decode(Output.self, from: result.standardOutput)
        } catch {
            throw CredentialError.processOutput(profile: profile, command: command, problem: "something that is not the expected JSON")
        }
        guard output.Version == 1 else {
            throw CredentialError.processOutput(profile: profile, command: command, problem: "Version \(output.Version)")
        }
        var expiration: Date?
        if let stamp = output.Expiration {
            guard let date = RFC3339.date(from: stamp) else {
                throw CredentialError.processOutput(profile: profile, command: command, problem: "an Expiration that is not an RFC 3339 time")
            }
            expiration = date
        }
        return Credentials(
            accessKeyID: output.AccessKeyId, secretAccessKey: output.SecretAccessKey,
            sessionToken: output.SessionToken.flatMap { $0.isEmpty ? nil : $0 }, expiration: expiration)
    }
}
