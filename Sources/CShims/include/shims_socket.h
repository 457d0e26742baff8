#ifndef VAULT_SHIMS_SOCKET_H
#define VAULT_SHIMS_SOCKET_H
// accept4 needs _GNU_SOURCE, which Swift's Glibc module does not define.

/// accept4(fd, NULL, NULL, SOCK_CLOEXEC): the connection is never inherited
/// by a process vault starts (credential_process while renewing).
int vault_accept_cloexec(int fd);

#endif
