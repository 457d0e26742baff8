#include "FuzzDriver.h"

// libFuzzer's entry point for programs that have their own `main`
// (the fuzzer_no_main runtime, linked by Package.swift's fuzz targets).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*test)(const uint8_t *data, size_t size));

int vault_fuzz_main(int argc, char **argv, vault_fuzz_test test) {
    return LLVMFuzzerRunDriver(&argc, &argv, test);
}
