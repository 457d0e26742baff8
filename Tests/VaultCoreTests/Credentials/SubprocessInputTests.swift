import Foundation
import Testing
@testable import VaultCore

@Test func inputReachesTheChildsStdin() throws {
    let input = Data((0..<200_000).map { UInt8($0 % 251) })  // more than a pipe holds
    let result = try Subprocess.run(["/bin/cat"], input: input)
    #expect(result.status == 0 && result.standardOutput == input)
}

@Test func aChildThatNeverReadsItsInputIsAnExitStatusNotOurDeath() throws {
    // Without SIGPIPE blocked on the writer, this kills the test process.
    let result = try Subprocess.run(["/bin/sh", "-c", "exit 3"], input: Data(count: 1 << 20))
    #expect(result.status == 3)
}
