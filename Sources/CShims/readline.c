// readline through dlopen: see shims_readline.h for why.
#include "shims_readline.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

typedef void rl_vcpfunc(char *);
static struct {
    FILE **instream, **outstream;
    int *catch_signals, *catch_sigwinch;
    void (*handler_install)(const char *, rl_vcpfunc *);
    void (*handler_remove)(void);
    void (*read_char)(void);
    void (*free_line_state)(void);
    void (*sigcleanup)(void);
    void (*cleanup_after_signal)(void);
} R;
static const char *load_error = NULL;
static char dlopen_error[256];
static pthread_once_t once = PTHREAD_ONCE_INIT;

#define BIND(field, name)                                               \
    do {                                                                \
        *(void **)(&R.field) = dlsym(library, name);                    \
        if (!R.field) { load_error = "libreadline.so.8 lacks " name; return; } \
    } while (0)

static void load(void) {
    void *library = dlopen("libreadline.so.8", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        snprintf(dlopen_error, sizeof dlopen_error, "%s", dlerror());
        load_error = dlopen_error;
        return;
    }
    BIND(instream, "rl_instream");
    BIND(outstream, "rl_outstream");
    BIND(catch_signals, "rl_catch_signals");
    BIND(catch_sigwinch, "rl_catch_sigwinch");
    BIND(handler_install, "rl_callback_handler_install");
    BIND(handler_remove, "rl_callback_handler_remove");
    BIND(read_char, "rl_callback_read_char");
    BIND(free_line_state, "rl_free_line_state");
    BIND(sigcleanup, "rl_callback_sigcleanup");
    BIND(cleanup_after_signal, "rl_cleanup_after_signal");
}

const char *vault_readline_load_error(void) {
    pthread_once(&once, load);
    return load_error;
}

// The functions below are called only after vault_readline_load_error() said NULL.
void vault_rl_setup(FILE *input, FILE *output) {
    *R.instream = input;
    *R.outstream = output;
    *R.catch_signals = 0;
    *R.catch_sigwinch = 0;
}

void vault_rl_callback_handler_install(const char *prompt, void (*handler)(char *line)) { R.handler_install(prompt, handler); }
void vault_rl_callback_handler_remove(void) { R.handler_remove(); }
void vault_rl_callback_read_char(void) { R.read_char(); }

void vault_rl_abandon_line(void) {
    R.free_line_state();
    R.sigcleanup();
    R.cleanup_after_signal();
}
