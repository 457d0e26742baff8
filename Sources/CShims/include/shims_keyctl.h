#ifndef VAULT_SHIMS_KEYCTL_H
#define VAULT_SHIMS_KEYCTL_H
// The Linux kernel keyring through raw syscalls (add_key, keyctl), so that
// vault needs no libkeyutils. Every function returns -1 with errno set on failure.
#include <stddef.h>
#include <stdint.h>

/// Adds (or updates) a "user" key in the session keyring, readable only by
/// its possessors (the processes sharing that session keyring), expiring after `timeout_seconds` (0: never). Returns its serial.
long vault_keyctl_add(const char *description, const void *payload, size_t length, unsigned timeout_seconds);
/// 1 when this process has a session keyring of its own, 0 when its session
/// keyring is the user-session keyring (no login session keyring: containers,
/// CI), -1 with errno when keyctl fails.
int vault_keyctl_own_session(void);
/// Finds a "user" key by description in the session keyring; returns its serial.
long vault_keyctl_search(const char *description);
/// Reads a key's payload into buffer; returns the payload's full length.
long vault_keyctl_read(long serial, void *buffer, size_t length);
/// Invalidates a key at once.
long vault_keyctl_invalidate(long serial);

#endif
