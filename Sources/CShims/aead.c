// AES-256-GCM with OpenSSL's AES block cipher and its GCM mode (modes.h):
// the same OpenSSL code EVP runs, without EVP's provider start-up.
// These functions are deprecated for applications in OpenSSL 3 but kept
// and exported; the shim keeps that to one file.
#include "shims_aead.h"
#include "crypto_table.h"  // libcrypto's functions, dlopen'd on first use
#include <string.h>

static GCM128_CONTEXT *start(const struct vault_crypto *c, AES_KEY *schedule, const uint8_t *key, const uint8_t *nonce, const uint8_t *aad,
                             size_t aad_length) {
    if (c->AES_set_encrypt_key(key, 256, schedule) != 0) return NULL;
    GCM128_CONTEXT *gcm = c->CRYPTO_gcm128_new(schedule, (block128_f)c->AES_encrypt);
    if (!gcm) return NULL;
    c->CRYPTO_gcm128_setiv(gcm, nonce, 12);
    if (aad_length && c->CRYPTO_gcm128_aad(gcm, aad, aad_length) != 0) {
        c->CRYPTO_gcm128_release(gcm);
        return NULL;
    }
    return gcm;
}

int vault_aes256gcm_seal(const uint8_t *key, const uint8_t *nonce, const uint8_t *aad, size_t aad_length,
                         const uint8_t *input, size_t length, uint8_t *output, uint8_t *tag) {
    const struct vault_crypto *c = vault_crypto();
    if (!c) return -1;
    AES_KEY schedule;
    GCM128_CONTEXT *gcm = start(c, &schedule, key, nonce, aad, aad_length);
    int result = -1;
    if (gcm) {
        if (length == 0 || c->CRYPTO_gcm128_encrypt(gcm, input, output, length) == 0) {
            c->CRYPTO_gcm128_tag(gcm, tag, 16);
            result = 0;
        }
        c->CRYPTO_gcm128_release(gcm);  // clears the context
    }
    explicit_bzero(&schedule, sizeof schedule);
    return result;
}

int vault_aes256gcm_open(const uint8_t *key, const uint8_t *nonce, const uint8_t *aad, size_t aad_length,
                         const uint8_t *input, size_t length, const uint8_t *tag, uint8_t *output) {
    const struct vault_crypto *c = vault_crypto();
    if (!c) return -1;
    AES_KEY schedule;
    GCM128_CONTEXT *gcm = start(c, &schedule, key, nonce, aad, aad_length);
    int result = -1;
    if (gcm) {
        if (length == 0 || c->CRYPTO_gcm128_decrypt(gcm, input, output, length) == 0)
            result = c->CRYPTO_gcm128_finish(gcm, tag, 16) == 0 ? 0 : 1;
        c->CRYPTO_gcm128_release(gcm);
    }
    explicit_bzero(&schedule, sizeof schedule);
    if (result != 0 && length) explicit_bzero(output, length);
    return result;
}
