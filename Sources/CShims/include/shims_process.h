#ifndef VAULT_SHIMS_PROCESS_H
#define VAULT_SHIMS_PROCESS_H
#include <sys/types.h>
/// The parent process id of `pid` read from /proc (0 when unknown).
int vault_parent_pid(int pid);
#endif
