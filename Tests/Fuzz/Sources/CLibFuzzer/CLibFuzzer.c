#include "CLibFuzzer.h"

#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <unistd.h>

// Weak, so the harness also links without `-sanitize=fuzzer` (where libFuzzer is missing, as in
// Xcode's toolchain) and can still replay inputs; the symbol is then null.
extern int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size))
    __attribute__((weak));

int dossier_fuzz_has_libfuzzer(void) { return LLVMFuzzerRunDriver != NULL; }

static pthread_t fuzzing_thread;

// libFuzzer's `-timeout` rests on SIGALRM from setitimer, a process-wide signal, and its handler
// ignores the signal unless it runs on the fuzzing thread. Foundation starts threads of its own,
// and the kernel may deliver the signal to any of them, so a slow input was never stopped (a
// 77 s input under -timeout=30). Forwarding the signal to the fuzzing thread once a second lets
// the handler check the unit's time itself; nothing is sent while no handler is installed.
static void *watchdog(void *unused) {
    (void)unused;
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, NULL);
    for (;;) {
        sleep(1);
        struct sigaction current;
        if (sigaction(SIGALRM, NULL, &current) == 0 && current.sa_handler != SIG_DFL && current.sa_handler != SIG_IGN) {
            pthread_kill(fuzzing_thread, SIGALRM);
        }
    }
    return NULL;
}

int dossier_fuzz_run_driver(int *argc, char ***argv, DossierFuzzCallback callback) {
    fuzzing_thread = pthread_self();
    pthread_t thread;
    if (pthread_create(&thread, NULL, watchdog, NULL) == 0) pthread_detach(thread);
    return LLVMFuzzerRunDriver(argc, argv, callback);
}
