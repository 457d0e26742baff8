#if canImport(Glibc)
import Glibc
#endif

/// `vault exec --server`: the command runs as a child while vault stays to
/// serve credentials. The child is started through `ProcessReplacement.exec`
/// (fork, then the same exec as plain `vault exec`), so whatever that does
/// to keep vault's secrets from the command applies here too.
///
/// Signals: vault blocks the ones it forwards before it forks and before
/// any server thread starts, so they reach only the forwarding thread
/// (sigwaitinfo) and never kill vault first. A terminal's Ctrl-C or Ctrl-\
/// already reaches the child (same process group), so those are not sent
/// twice; anything sent to vault itself (kill, a supervisor) is forwarded.
package enum SupervisedChild {
    static let forwarded: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGWINCH, SIGCONT]

    static func signalSet(_ signals: [Int32]) -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal) }
        return set
    }

    /// Blocks the forwarded signals in this thread (and threads it starts).
    /// Call before any thread exists, then `spawn`.
    package static func blockSignals() {
        var set = signalSet(forwarded)
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    /// Forks; the child unblocks the signals and becomes `argv` (or exits
    /// 126/127 with a `vault:` line, as `vault exec` would). Call while vault
    /// has no other thread: only async-signal-safe work is guaranteed after
    /// fork in a threaded process.
    package static func spawn(_ argv: [String], environment: [String: String]) throws -> pid_t {
        let pid = fork()
        if pid < 0 { throw ExecError.cannotRun(command: argv[0], errno: errno) }
        if pid == 0 {
            var set = signalSet(forwarded)
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
            do {
                try ProcessReplacement.exec(argv, environment: environment)
            } catch let error as VaultError {
                Diagnostics.say(error.message)
                _exit(error.exitCode)
            } catch {
                _exit(127)
            }
        }
        return pid
    }

    /// Forwards the blocked signals to `pid` from a thread of its own.
    package static func forwardSignals(to pid: pid_t) {
        Threads.detach {
            var set = signalSet(forwarded)
            while true {
                var info = siginfo_t()
                let signal = sigwaitinfo(&set, &info)
                guard signal > 0 else { continue }
                // Typed at the terminal: the child, in vault's process group, has it already.
                let fromTerminal = info.si_code == SI_KERNEL && (signal == SIGINT || signal == SIGQUIT || signal == SIGWINCH)
                Debug.log("exec", "signal \(signal) \(fromTerminal ? "from the terminal (the command has it)" : "forwarded")")
                if !fromTerminal { kill(pid, signal) }
            }
        }
    }

    /// Waits for the child; returns its status as a shell reports it.
    package static func wait(_ pid: pid_t) -> (exitCode: Int32, signal: Int32?) {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return (1, nil) }
        }
        let signal = status & 0x7f
        if signal == 0 { return ((status >> 8) & 0xff, nil) }
        return (128 + signal, signal)
    }

    /// Ends vault as the child ended: the same exit status, or killed by the
    /// same signal (so a shell sees "interrupted", not a plain status).
    package static func exitLikeChild(_ outcome: (exitCode: Int32, signal: Int32?)) -> Never {
        if let signal = outcome.signal, signal != SIGKILL, signal != SIGSTOP {
            Glibc.signal(signal, SIG_DFL)
            var set = signalSet([signal])
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
            raise(signal)
        }
        exit(outcome.exitCode)
    }
}

extension SupervisedChild {
    /// `vault serve`: waits (signals blocked by `blockSignals`) for SIGINT,
    /// SIGTERM or SIGHUP.
    package static func waitForTermination() {
        var set = signalSet([SIGINT, SIGTERM, SIGHUP])
        var signal: Int32 = 0
        while sigwait(&set, &signal) != 0 {}
        Debug.log("server", "signal \(signal): stopping")
    }
}
