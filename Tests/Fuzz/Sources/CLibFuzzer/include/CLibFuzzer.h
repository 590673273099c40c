#ifndef DOSSIER_CLIBFUZZER_H
#define DOSSIER_CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// The callback libFuzzer calls with each input.
typedef int (*DossierFuzzCallback)(const uint8_t *data, size_t size);

/// Whether libFuzzer is linked in, that is whether the package was built with `-sanitize=fuzzer`.
int dossier_fuzz_has_libfuzzer(void);

/// Hands control to libFuzzer's driver (flags, corpus, mutation, crash artifacts); call only when
/// `dossier_fuzz_has_libfuzzer()` is true. Also makes `-timeout` reliable (see the .c file).
int dossier_fuzz_run_driver(int *argc, char ***argv, DossierFuzzCallback callback);

#endif
