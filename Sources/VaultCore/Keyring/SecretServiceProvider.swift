#if canImport(Glibc)
import Glibc
#endif

/// The program that answers as the Secret Service: the process owning
/// `org.freedesktop.secrets` on the bus, named from its `/proc/PID/comm`
/// and `exe`. Messages name it and say what to do in it.
package struct SecretServiceProvider: Sendable, Equatable {
    package enum Kind: String, Sendable {
        case gnomeKeyring = "GNOME Keyring"
        case kwallet = "KWallet"
        case keepassxc = "KeePassXC"
        case other
    }

    package var kind: Kind
    /// The program's name (`comm`, else the executable's file name).
    package var program: String
    package var pid: Int32

    package init(kind: Kind, program: String, pid: Int32) {
        self.kind = kind
        self.program = program
        self.pid = pid
    }

    /// The owner of the bus name, from /proc; nil pid (0) when it is unknown.
    static func identify(pid: Int32) -> SecretServiceProvider {
        let comm = Self.read("/proc/\(pid)/comm")?.split(separator: "\n").first.map(String.init) ?? ""
        let exe = Self.link("/proc/\(pid)/exe") ?? ""
        return SecretServiceProvider(kind: kind(comm: comm, executable: exe), program: comm.isEmpty ? Self.fileName(exe) : comm, pid: pid)
    }

    /// The kind from the process's `comm` (cut to 15 bytes by the kernel) or its executable's path.
    package static func kind(comm: String, executable: String) -> Kind {
        for name in [comm, fileName(executable)] {
            switch name {
            case "gnome-keyring-daemon", "gnome-keyring-d": return .gnomeKeyring
            case "kwalletd5", "kwalletd6", "kwalletd", "ksecretd": return .kwallet
            case "keepassxc": return .keepassxc
            default: continue
            }
        }
        return .other
    }

    /// "GNOME Keyring", or for another program "the Secret Service provider 'NAME'".
    package var name: String {
        kind == .other ? "the Secret Service provider '\(program.isEmpty ? "pid \(pid)" : program)'" : kind.rawValue
    }

    /// "GNOME Keyring (gnome-keyring-daemon, pid 42)", for `vault doctor`.
    package var description: String {
        kind == .other ? "\(name) (pid \(pid))" : "\(name) (\(program), pid \(pid))"
    }

    /// How to give the provider a collection (vault can create none without a person).
    package var createCollectionHelp: String {
        switch kind {
        case .gnomeKeyring:
            "create a keyring in Seahorse (Passwords and Keys) and make it the default, or log in to a desktop session that unlocks the login keyring"
        case .kwallet:
            "create a wallet in KWalletManager (or let pam_kwallet create 'kdewallet' at login) and restart kwalletd, whose Secret Service lists only the wallets that existed when it started"
        case .keepassxc:
            "open a database in KeePassXC and expose a group under Database Settings → Secret Service Integration"
        case .other:
            "create a collection in its manager"
        }
    }

    /// What to do when a prompt that needs a person was not answered (or cannot be, headless).
    package var promptHelp: String {
        switch kind {
        case .gnomeKeyring:
            "answer its dialog in the desktop session (headless, unlock the keyring first, e.g. gnome-keyring-daemon --unlock), or try --backend file"
        case .kwallet:
            "answer its dialog, or open the wallet first (KWalletManager, or pam_kwallet at login), or try --backend file"
        case .keepassxc:
            "answer KeePassXC's dialog, or unlock the database and turn off 'Confirm when passwords are retrieved by clients' and 'Confirm when clients request entry deletion' under Settings → Secret Service Integration, or try --backend file"
        case .other:
            "answer its dialog in the desktop session, or try --backend file"
        }
    }

    private static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? ""
    }

    private static func read(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return FileBytes.readAll(fd, sizeHint: 64).map { String(decoding: $0, as: UTF8.self) }
    }

    private static func link(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        buffer[count] = 0
        return String(cString: buffer)
    }
}
