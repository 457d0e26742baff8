#ifndef VAULT_FUZZ_DRIVER_H
#define VAULT_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// A fuzz target's test function, as libFuzzer calls `LLVMFuzzerTestOneInput`.
typedef int (*vault_fuzz_test)(const uint8_t *data, size_t size);

/// Runs libFuzzer's driver (flags, corpus folders, -runs, -max_total_time…)
/// over `test`; returns the process's exit status.
int vault_fuzz_main(int argc, char **argv, vault_fuzz_test test);

#endif
