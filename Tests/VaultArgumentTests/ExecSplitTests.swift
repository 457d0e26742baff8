import Testing
@testable import vault

/// `vault exec PROFILE [vault options] [--] command…`: the splitter must take
/// every vault option's value with it, or the value becomes the command.
@Suite struct ExecSplitTests {
    @Test func everyOptionTakingAValueKeepsItsValue() {
        for option in OptionTable.credential + OptionTable.store where option.takesValue {
            for name in [option.longName] + (option.shortName.map { [$0] } ?? []) {
                let split = Vault.Exec.split([name, "v", "aws", "s3", "ls"])
                #expect(split.options == [name, "v"] && split.command == ["aws", "s3", "ls"], "\(name)")
            }
        }
    }

    @Test func promptIsAnOptionOfExecToo() throws {
        let split = Vault.Exec.split(["--prompt", "ykman", "--", "true"])
        #expect(split.options == ["--prompt", "ykman"] && split.command == ["true"])
        let leading = try Vault.Exec.Leading.parse(split.options)
        #expect(leading.credentialOptions.prompt == "ykman")
    }

    @Test func flagsTakeNoValue() {
        for option in OptionTable.credential where !option.takesValue {
            #expect(Vault.Exec.split([option.longName, "aws"]) == ([option.longName], ["aws"]))
        }
    }
}
