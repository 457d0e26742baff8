// Process hygiene (see shims_hygiene.h): prctl, rlimits, the child's keyring,
// fork/exec, and the terminal on fatal signals. Plain libc and syscalls.
#define _GNU_SOURCE
#include "shims_hygiene.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#define VAULT_KEYCTL_JOIN_SESSION_KEYRING 1

static struct rlimit original_core;
static int have_original_core;

int vault_harden_process(void) {
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) return -1;
    struct rlimit limit;
    if (getrlimit(RLIMIT_CORE, &limit) != 0) return -1;
    original_core = limit;
    have_original_core = 1;
    // The soft limit only: the hard one stays, so the programs vault starts
    // get the person's own limit back (vault_prepare_child).
    limit.rlim_cur = 0;
    return setrlimit(RLIMIT_CORE, &limit);
}

int vault_prepare_child(void) {
    if (have_original_core) setrlimit(RLIMIT_CORE, &original_core);
#ifdef SYS_keyctl
    // A NULL name: a new anonymous session keyring for this process alone.
    if (syscall(SYS_keyctl, VAULT_KEYCTL_JOIN_SESSION_KEYRING, (const char *)0) < 0) {
        // keyctl blocked (seccomp in containers) or absent: then no vault
        // process could have kept a key in the kernel either.
        if (errno == ENOSYS || errno == EPERM || errno == EACCES) return 0;
        return -1;
    }
#endif
    return 0;
}

int vault_pipe_cloexec(int fds[2]) { return pipe2(fds, O_CLOEXEC); }

pid_t vault_spawn(const char *path, char *const argv[], char *const envp[], int in_fd, int out_fd, int err_fd, int *error) {
    int report[2];
    if (pipe2(report, O_CLOEXEC) != 0) {
        *error = errno;
        return -1;
    }
    pid_t pid = fork();
    if (pid < 0) {
        *error = errno;
        close(report[0]);
        close(report[1]);
        return -1;
    }
    if (pid == 0) {
        // Only async-signal-safe calls from here to execve.
        int failed = 0;
        if ((in_fd >= 0 && dup2(in_fd, 0) < 0) || dup2(out_fd, 1) < 0 || (err_fd >= 0 && dup2(err_fd, 2) < 0)) failed = errno;
        if (!failed && vault_prepare_child() != 0) failed = errno;
        if (!failed) {
            execve(path, argv, envp);
            failed = errno;
        }
        ssize_t ignored = write(report[1], &failed, sizeof failed);
        (void)ignored;
        _exit(127);
    }
    close(report[1]);
    int failed = 0;
    ssize_t n;
    do n = read(report[0], &failed, sizeof failed);
    while (n < 0 && errno == EINTR);
    close(report[0]);
    if (n == (ssize_t)sizeof failed) {  // the child never ran the program
        int status;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
        *error = failed;
        return -1;
    }
    return pid;
}

// MARK: the terminal on fatal signals

static const int guarded[] = {SIGTERM, SIGHUP, SIGQUIT};
#define GUARDED (sizeof guarded / sizeof guarded[0])
static struct sigaction previous[GUARDED];
static struct termios saved;
static volatile sig_atomic_t guard_fd = -1;

static void restore_and_redeliver(int signal_number) {
    int fd = guard_fd;
    if (fd >= 0) tcsetattr(fd, TCSANOW, &saved);
    int saved_errno = errno;
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    sigaction(signal_number, &fallback, NULL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, signal_number);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(signal_number);  // ends vault with the signal's own status
    errno = saved_errno;
}

int vault_terminal_guard_begin(int fd) {
    if (tcgetattr(fd, &saved) != 0) return -1;
    guard_fd = fd;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = restore_and_redeliver;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < GUARDED; i++) sigaddset(&action.sa_mask, guarded[i]);
    for (size_t i = 0; i < GUARDED; i++) sigaction(guarded[i], &action, &previous[i]);
    return 0;
}

void vault_terminal_guard_end(void) {
    for (size_t i = 0; i < GUARDED; i++) sigaction(guarded[i], &previous[i], NULL);
    guard_fd = -1;
}
