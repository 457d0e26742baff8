#ifndef VAULT_SHIMS_HYGIENE_H
#define VAULT_SHIMS_HYGIENE_H
// Process hygiene: what keeps vault's secrets out of core dumps, out of
// /proc/PID/mem, and out of the reach of the processes vault starts.
#include <sys/types.h>

/// Makes vault non-dumpable (no core, no ptrace or /proc/PID/mem for the same
/// user without CAP_SYS_PTRACE) and sets its soft RLIMIT_CORE to 0, keeping
/// the original limit for the processes vault starts. Call first in main.
/// Returns 0, or -1 with errno set.
int vault_harden_process(void);

/// In a process about to execve a program (async-signal-safe): joins a new
/// anonymous session keyring, so the program possesses none of vault's keys,
/// and restores the soft RLIMIT_CORE vault started with. Returns 0, or -1 with
/// errno set when the keyring cannot be replaced although keyctl works.
int vault_prepare_child(void);

/// fork, vault_prepare_child, then execve(path, argv, envp) with stdin on
/// `in_fd` when it is >= 0, stdout on `out_fd` and, when `err_fd` >= 0,
/// stderr on `err_fd`; every other
/// descriptor vault opened is close-on-exec. Returns the child's pid, or -1
/// with *error set to the errno of what failed (fork, the keyring, execve).
pid_t vault_spawn(const char *path, char *const argv[], char *const envp[], int in_fd, int out_fd, int err_fd, int *error);

/// pipe2(fds, O_CLOEXEC), which Glibc's Swift overlay does not export.
int vault_pipe_cloexec(int fds[2]);

/// Restores the terminal on `fd` to its current settings if vault is ended by
/// SIGTERM, SIGHUP or SIGQUIT before vault_terminal_guard_end: the signal is
/// then delivered again with its default action. Returns 0, or -1 with errno.
int vault_terminal_guard_begin(int fd);
void vault_terminal_guard_end(void);
#endif
