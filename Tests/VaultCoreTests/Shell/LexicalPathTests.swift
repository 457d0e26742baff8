import Testing
@testable import VaultCore

struct LexicalPathTests {
    @Test(arguments: [
        ("/a/b/.vaultrc", "/a/b/.vaultrc"),
        ("/a//b/./c/../.vaultrc", "/a/b/.vaultrc"),
        ("/../../x", "/x"),
        ("/", "/"),
        ("/a/b/", "/a/b"),
    ])
    func cleanResolvesDotsByText(path: String, expected: String) {
        #expect(LexicalPath.clean(path) == expected)
    }

    @Test func relativePathsJoinTheFolderAndSymlinksAreNotResolved() {
        #expect(LexicalPath.absolute(".vaultrc", from: "/home/me/clone") == "/home/me/clone/.vaultrc")
        #expect(LexicalPath.absolute("../prod/.vaultrc", from: "/home/me/clone") == "/home/me/prod/.vaultrc")
        #expect(LexicalPath.absolute("/etc/x", from: "/home") == "/etc/x")
        // /tmp is a real folder here; a path through a symlink keeps the link's name.
        #expect(LexicalPath.absolute("link/.vaultrc", from: "/tmp") == "/tmp/link/.vaultrc")
    }

    @Test func parentOfAnAbsolutePath() {
        #expect(LexicalPath.parent("/a/b/.vaultrc") == "/a/b")
        #expect(LexicalPath.parent("/.vaultrc") == "/")
    }
}
