#ifndef VAULT_CSHIMS_H
#define VAULT_CSHIMS_H
// Umbrella header: one header per C facility, each owned by one Swift file.
#include "shims_process.h"
#include "shims_hygiene.h"
#include "shims_curl.h"
#include "shims_secret.h"
#include "shims_keyctl.h"
#include "shims_aead.h"
#include "shims_crypto.h"
#include "shims_readline.h"
#include "shims_socket.h"
#endif
