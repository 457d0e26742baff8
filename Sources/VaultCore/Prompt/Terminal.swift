import CShims
#if canImport(Glibc)
import Glibc
#endif

/// Why a question could not be asked on the terminal.
package enum PromptError: VaultError, Equatable {
    /// No controlling terminal (`/dev/tty` cannot be opened): CI, cron, pipes.
    case noTerminal
    /// The person pressed Ctrl-C or Ctrl-D at the prompt.
    case cancelled
    case io(Int32)

    package var message: String {
        switch self {
        case .noTerminal: "no terminal to ask on (/dev/tty cannot be opened); run vault in a terminal or pass the value another way"
        case .cancelled: "cancelled at the prompt"
        case .io(let code): "cannot read from the terminal: \(String(cString: strerror(code)))"
        }
    }

    package var exitCode: Int32 { self == .cancelled ? 130 : 1 }
}

/// Questions on the controlling terminal (`/dev/tty`), never on stdout, so a
/// command whose stdout is captured (`eval "$(vault env)"`) can still ask.
///
/// Echoed answers go through readline (line editing); hidden ones (secrets,
/// passphrases) are read with echo off. Ctrl-C cancels either cleanly: the
/// terminal's settings are restored and `ask` throws `PromptError.cancelled`.
/// SIGTERM, SIGHUP and SIGQUIT still end vault, but only after the terminal's
/// settings are restored (CShims/hygiene.c: `vault_terminal_guard_begin`).
package final class Terminal {
    private let fd: Int32
    private let input: UnsafeMutablePointer<FILE>
    private let output: UnsafeMutablePointer<FILE>

    private init(fd: Int32, input: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>) {
        self.fd = fd
        self.input = input
        self.output = output
    }

    deinit {
        fclose(input)
        fclose(output)
    }

    /// Opens the controlling terminal; throws `PromptError.noTerminal` without one.
    package static func open() throws -> Terminal {
        let fd = Glibc.open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw PromptError.noTerminal }
        let second = fcntl(fd, F_DUPFD_CLOEXEC, 0)  // no terminal descriptor leaks to a child
        guard second >= 0, let input = fdopen(fd, "r"), let output = fdopen(second, "w") else {
            close(fd)
            throw PromptError.io(errno)
        }
        return Terminal(fd: fd, input: input, output: output)
    }

    /// Shows `prompt` and returns the line typed, without its newline.
    /// `hidden` turns echo off (for secrets). The prompt may quote the config
    /// (an MFA serial, a profile): shown through `TerminalText`.
    package func ask(_ prompt: String, hidden: Bool) throws -> String {
        try hidden ? askHidden(TerminalText.line(prompt)) : askEchoed(TerminalText.line(prompt))
    }

    // MARK: Echoed, through readline

    private func askEchoed(_ prompt: String) throws -> String {
        try SystemLibrary.readline.load()
        vault_rl_setup(input, output)
        PromptState.reset()
        let guardian = InterruptGuard()
        defer { guardian.restore() }
        // Saved before readline takes the terminal over (no echo, no canonical mode).
        vault_terminal_guard_begin(fd)
        defer { vault_terminal_guard_end() }
        vault_rl_callback_handler_install(prompt, { line in PromptState.finish(line) })
        defer { vault_rl_callback_handler_remove() }
        while !PromptState.done {
            var poll = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = Glibc.poll(&poll, 1, -1)
            if InterruptGuard.interrupted {
                vault_rl_abandon_line()
                fputs("\n", output)
                fflush(output)
                throw PromptError.cancelled
            }
            if ready < 0 {
                if errno == EINTR { continue }
                throw PromptError.io(errno)
            }
            vault_rl_callback_read_char()
        }
        guard let line = PromptState.take() else { throw PromptError.cancelled }
        return line
    }

    // MARK: Hidden, with echo off

    /// Reads a line with echo and signals off, so Ctrl-C arrives as a byte we
    /// handle (restoring the terminal) instead of killing vault with echo off.
    /// readline cannot hide input without redisplay hooks, and a secret needs
    /// no line editing beyond erase, so this small loop does it.
    private func askHidden(_ prompt: String) throws -> String {
        var saved = termios()
        guard tcgetattr(fd, &saved) == 0 else { throw PromptError.io(errno) }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        fputs(prompt, output)
        fflush(output)
        vault_terminal_guard_begin(fd)
        defer { vault_terminal_guard_end() }
        guard tcsetattr(fd, TCSAFLUSH, &raw) == 0 else { throw PromptError.io(errno) }
        defer {
            tcsetattr(fd, TCSAFLUSH, &saved)
            fputs("\n", output)
            fflush(output)
        }
        var bytes: [UInt8] = []
        defer { Wipe.bytes(&bytes) }
        let guardian = InterruptGuard()  // a SIGINT sent by `kill` rather than typed
        defer { guardian.restore() }
        while true {
            var poll = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = Glibc.poll(&poll, 1, -1)
            if InterruptGuard.interrupted { throw PromptError.cancelled }
            if ready < 0 {
                if errno == EINTR { continue }
                throw PromptError.io(errno)
            }
            var byte: UInt8 = 0
            let n = read(fd, &byte, 1)
            if n < 0 {
                if errno == EINTR { continue }
                throw PromptError.io(errno)
            }
            if n == 0 { throw PromptError.cancelled }
            switch byte {
            case 0x0A, 0x0D:  // Enter
                return String(decoding: bytes, as: UTF8.self)
            case 0x03:  // Ctrl-C
                throw PromptError.cancelled
            case 0x04:  // Ctrl-D
                if bytes.isEmpty { throw PromptError.cancelled }
            case 0x7F, 0x08:  // erase one character (and its UTF-8 continuation bytes)
                while let last = bytes.popLast(), last & 0xC0 == 0x80 {}
            case 0x15:  // Ctrl-U: kill the line
                Wipe.bytes(&bytes)
                bytes.removeAll()
            default:
                if byte >= 0x20 || byte == 0x09 { bytes.append(byte) }
            }
        }
    }
}

/// readline's callback interface hands the line to a C function pointer,
/// which cannot capture: the line goes through here. Prompts run on one
/// thread at a time.
private enum PromptState {
    nonisolated(unsafe) static var done = false
    nonisolated(unsafe) static var line: String?

    static func reset() {
        done = false
        line = nil
    }

    static func finish(_ text: UnsafeMutablePointer<CChar>?) {
        if let text {
            line = String(cString: text)
            free(text)
        }
        done = true
        vault_rl_callback_handler_remove()
    }

    static func take() -> String? {
        defer { line = nil }
        return line
    }
}

/// Catches SIGINT while readline waits, so Ctrl-C cancels the prompt
/// instead of killing vault with the terminal in readline's mode.
private final class InterruptGuard {
    nonisolated(unsafe) static var interrupted = false
    private var previous = sigaction()

    init() {
        Self.interrupted = false
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in InterruptGuard.interrupted = true }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: poll returns EINTR
        sigaction(SIGINT, &action, &previous)
    }

    func restore() {
        sigaction(SIGINT, &previous, nil)
    }
}
