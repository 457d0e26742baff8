#include "shims_process.h"
#include <stdio.h>

int vault_parent_pid(int pid) {
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/stat", pid);
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    int ppid = 0;
    char buf[512];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    /* The command name is in parentheses and may contain spaces: parse after the last ')'. */
    char *p = buf + n;
    while (p > buf && *p != ')') p--;
    if (p == buf) return 0;
    if (sscanf(p + 1, " %*c %d", &ppid) != 1) return 0;
    return ppid;
}
