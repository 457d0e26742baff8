// The kernel keyring through raw syscalls: keyctl(2) is variadic, so Swift
// cannot call it, and libkeyutils is not worth a link for four calls.
#include "shims_keyctl.h"
#include <errno.h>
#include <sys/syscall.h>
#include <unistd.h>

#define VAULT_KEY_SPEC_SESSION_KEYRING (-3)
#define VAULT_KEY_SPEC_USER_SESSION_KEYRING (-5)
#define VAULT_KEYCTL_GET_KEYRING_ID 0
#define VAULT_KEYCTL_SETPERM 5
#define VAULT_KEYCTL_SEARCH 10
#define VAULT_KEYCTL_READ 11
#define VAULT_KEYCTL_SET_TIMEOUT 15
#define VAULT_KEYCTL_INVALIDATE 21
// Possessor only: no user, group or other bits, so a process of this user
// reads the key only while it possesses it through its session keyring. The
// processes vault starts join a fresh session keyring (hygiene.c), and vault
// keeps nothing where the session keyring is the user-session keyring
// (vault_keyctl_own_session), which every process of the user possesses.
// (Between add_key and SETPERM the key has the kernel's default for a new
// "user" key: the user may view its description, never read it.)
#define VAULT_KEY_PERM 0x3f000000u

long vault_keyctl_add(const char *description, const void *payload, size_t length, unsigned timeout_seconds) {
#if defined(SYS_add_key) && defined(SYS_keyctl)
    // Resolve the session keyring without creating one: a process that has
    // none gets the user session keyring here, whereas adding to the special
    // id would give it a new anonymous session keyring that dies with it.
    long ring = syscall(SYS_keyctl, VAULT_KEYCTL_GET_KEYRING_ID, VAULT_KEY_SPEC_SESSION_KEYRING, 0);
    if (ring < 0) return -1;
    long serial = syscall(SYS_add_key, "user", description, payload, length, ring);
    if (serial < 0) return -1;
    if (syscall(SYS_keyctl, VAULT_KEYCTL_SETPERM, serial, VAULT_KEY_PERM) < 0 ||
        (timeout_seconds > 0 && syscall(SYS_keyctl, VAULT_KEYCTL_SET_TIMEOUT, serial, timeout_seconds) < 0)) {
        int saved = errno;
        syscall(SYS_keyctl, VAULT_KEYCTL_INVALIDATE, serial);
        errno = saved;
        return -1;
    }
    return serial;
#else
    errno = ENOSYS;
    return -1;
#endif
}

int vault_keyctl_own_session(void) {
#ifdef SYS_keyctl
    // Without creating anything: a process with no session keyring gets the
    // user-session keyring back for the first one.
    long session = syscall(SYS_keyctl, VAULT_KEYCTL_GET_KEYRING_ID, VAULT_KEY_SPEC_SESSION_KEYRING, 0);
    if (session < 0) return -1;
    long user_session = syscall(SYS_keyctl, VAULT_KEYCTL_GET_KEYRING_ID, VAULT_KEY_SPEC_USER_SESSION_KEYRING, 0);
    if (user_session < 0) return -1;
    return session != user_session;
#else
    errno = ENOSYS;
    return -1;
#endif
}

long vault_keyctl_search(const char *description) {
#ifdef SYS_keyctl
    return syscall(SYS_keyctl, VAULT_KEYCTL_SEARCH, VAULT_KEY_SPEC_SESSION_KEYRING, "user", description, 0);
#else
    errno = ENOSYS;
    return -1;
#endif
}

long vault_keyctl_read(long serial, void *buffer, size_t length) {
#ifdef SYS_keyctl
    return syscall(SYS_keyctl, VAULT_KEYCTL_READ, serial, buffer, length);
#else
    errno = ENOSYS;
    return -1;
#endif
}

long vault_keyctl_invalidate(long serial) {
#ifdef SYS_keyctl
    return syscall(SYS_keyctl, VAULT_KEYCTL_INVALIDATE, serial);
#else
    errno = ENOSYS;
    return -1;
#endif
}
