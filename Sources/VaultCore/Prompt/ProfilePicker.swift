#if canImport(Glibc)
import Glibc
#endif

/// One line of the picker.
package struct PickerEntry: Equatable, Sendable {
    package var name: String
    package var kind: String
    /// Time left of a cached session, if one is.
    package var session: String?

    package init(name: String, kind: String, session: String?) {
        self.name = name
        self.kind = kind
        self.session = session
    }
}

/// Fuzzy matching as people expect from fzf-like lists: the query's
/// characters in order, case-insensitive; matches at the start, after a
/// separator and in runs score higher.
package enum FuzzyMatch {
    /// nil when `query` is not a subsequence of `candidate`.
    package static func score(_ query: String, _ candidate: String) -> Int? {
        let q = Array(query.lowercased()), c = Array(candidate.lowercased())
        if q.isEmpty { return 0 }
        var score = 0, qi = 0, previous = -2
        for (ci, ch) in c.enumerated() where qi < q.count && ch == q[qi] {
            score += 1
            if ci == previous + 1 { score += 3 }
            if ci == 0 || "-_./ ".contains(c[ci - 1]) { score += 2 }
            previous = ci
            qi += 1
        }
        return qi == q.count ? score - (c.count - q.count) / 8 : nil
    }

    /// The entries that match, best first; equal scores keep their order.
    package static func filter(_ entries: [PickerEntry], _ query: String) -> [PickerEntry] {
        entries.enumerated()
            .compactMap { item in score(query, item.element.name).map { (item.offset, $0, item.element) } }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            .map(\.2)
    }
}

/// The list state: query, selection, keys → actions. Pure, so the keys are
/// unit-tested without a terminal.
package struct ProfilePicker {
    package let entries: [PickerEntry]
    package private(set) var query = ""
    package private(set) var selected = 0
    static let visibleRows = 10

    package init(entries: [PickerEntry]) {
        self.entries = entries
    }

    package var matches: [PickerEntry] { FuzzyMatch.filter(entries, query) }

    package enum Key: Equatable {
        case text(String), backspace, up, down, enter, cancel, ignored
    }

    package enum Outcome: Equatable {
        case pending, chosen(String), cancelled
    }

    package mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .text(let text):
            query += text
            selected = 0
        case .backspace:
            if !query.isEmpty { query.removeLast() }
            selected = 0
        case .up:
            selected = max(0, selected - 1)
        case .down:
            selected = min(max(0, matches.count - 1), selected + 1)
        case .enter:
            let current = matches
            return current.indices.contains(selected) ? .chosen(current[selected].name) : .pending
        case .cancel:
            return .cancelled
        case .ignored:
            break
        }
        return .pending
    }

    /// The lines to draw. Names and kinds come from a file the user may not
    /// control: control characters are shown as `?`, never sent raw.
    package func lines() -> [String] {
        let current = matches
        let first = max(0, selected - Self.visibleRows + 1)
        let shown = current.dropFirst(first).prefix(Self.visibleRows)
        let width = min(40, shown.map { Self.printable($0.name).count }.max() ?? 0)
        var lines = ["Profile (type to filter, ↑/↓, Enter; Esc cancels) \(current.count)/\(entries.count)", "> " + Self.printable(query)]
        for (offset, entry) in zip(shown.indices, shown) {
            let name = Self.printable(String(entry.name.prefix(40)))
            let padded = name + String(repeating: " ", count: max(0, width - name.count))
            let marker = offset == selected ? "▸ " : "  "
            lines.append(marker + padded + "  " + Self.printable(entry.kind) + (entry.session.map { "  session " + $0 } ?? ""))
        }
        return lines
    }

    static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { s in
            s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s == "\u{200E}" || s == "\u{200F}" || (0x202A...0x202E).contains(s.value) ? "?" : s
        }))
    }

    /// Draws on `terminal` and reads keys until a choice or a cancel.
    package func run(on terminal: PickerTerminal) -> String? {
        var picker = self
        var drawn = 0
        defer { terminal.erase(lines: drawn) }
        while true {
            terminal.erase(lines: drawn)
            let lines = picker.lines()
            terminal.write(lines.joined(separator: "\r\n"))
            drawn = lines.count
            switch picker.handle(terminal.readKey()) {
            case .pending: continue
            case .chosen(let name): return name
            case .cancelled: return nil
            }
        }
    }
}

/// `/dev/tty` in raw mode for the picker; restored when released.
package final class PickerTerminal {
    let fd: Int32
    var saved = termios()

    /// nil when there is no controlling terminal.
    package static func open() -> PickerTerminal? {
        let fd = Glibc.open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { return nil }
        var attributes = termios()
        guard tcgetattr(fd, &attributes) == 0 else {
            close(fd)
            return nil
        }
        return PickerTerminal(fd: fd, saved: attributes)
    }

    private init(fd: Int32, saved: termios) {
        self.fd = fd
        self.saved = saved
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL | INLCR)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        tcsetattr(fd, TCSAFLUSH, &raw)
    }

    deinit {
        tcsetattr(fd, TCSAFLUSH, &saved)
        close(fd)
    }

    func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return }
                offset += n
            }
        }
    }

    /// Clears the `lines` last drawn, leaving the cursor where they began.
    func erase(lines: Int) {
        guard lines > 0 else { return }
        write("\r" + (lines > 1 ? "\u{1B}[\(lines - 1)A" : "") + "\u{1B}[J")
    }

    func readByte(waitMilliseconds: Int32? = nil) -> UInt8? {
        if let waitMilliseconds {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, waitMilliseconds) == 1 else { return nil }
        }
        var byte: UInt8 = 0
        while true {
            let n = read(fd, &byte, 1)
            if n == 1 { return byte }
            if n < 0 && errno == EINTR { continue }
            return nil
        }
    }

    /// One key. A lone Esc is told from an arrow's escape sequence by
    /// whether more bytes follow at once (as every terminal program does).
    func readKey() -> ProfilePicker.Key {
        guard let byte = readByte() else { return .cancel }  // the terminal went away
        switch byte {
        case 0x0D, 0x0A: return .enter
        case 0x03, 0x04, 0x07: return .cancel  // Ctrl-C, Ctrl-D, Ctrl-G
        case 0x7F, 0x08: return .backspace
        case 0x10: return .up  // Ctrl-P
        case 0x0E: return .down  // Ctrl-N
        case 0x1B:
            guard let next = readByte(waitMilliseconds: 50) else { return .cancel }
            guard next == UInt8(ascii: "[") || next == UInt8(ascii: "O") else { return .ignored }
            var final = readByte(waitMilliseconds: 50) ?? 0
            while (0x30...0x3F).contains(final) { final = readByte(waitMilliseconds: 50) ?? 0 }
            switch final {
            case UInt8(ascii: "A"): return .up
            case UInt8(ascii: "B"): return .down
            default: return .ignored
            }
        case 0x20...0x7E:
            return .text(String(UnicodeScalar(byte)))
        case 0xC0...0xF4:
            // A UTF-8 sequence: its continuation bytes follow.
            var bytes = [byte]
            let count = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : 1
            for _ in 0..<count { if let b = readByte(waitMilliseconds: 50) { bytes.append(b) } }
            return String(validating: bytes, as: UTF8.self).map { .text($0) } ?? .ignored
        default:
            return .ignored
        }
    }
}
