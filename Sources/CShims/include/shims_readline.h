#ifndef VAULT_SHIMS_READLINE_H
#define VAULT_SHIMS_READLINE_H
// GNU readline, loaded with dlopen when a prompt is shown: the many commands
// that never ask anything start without mapping it (and libtinfo).
#include <stdio.h>

/// NULL when readline loads; else a static message saying what is missing.
const char *vault_readline_load_error(void);
/// Points readline at the terminal's streams, with its own signal handling off
/// (vault restores the terminal itself on Ctrl-C).
void vault_rl_setup(FILE *input, FILE *output);
void vault_rl_callback_handler_install(const char *prompt, void (*handler)(char *line));
void vault_rl_callback_handler_remove(void);
void vault_rl_callback_read_char(void);
/// What readline needs after a signal interrupted a line: free, clean up, reset.
void vault_rl_abandon_line(void);
#endif
