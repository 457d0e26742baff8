#define _GNU_SOURCE
#include <stddef.h>
#include <sys/socket.h>
#include "shims_socket.h"

int vault_accept_cloexec(int fd) {
    return accept4(fd, NULL, NULL, SOCK_CLOEXEC);
}
