// libcrypto through dlopen: see shims_crypto.h for why.
#include "shims_crypto.h"
#include "crypto_table.h"
#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static struct vault_crypto table;
static const char *load_error = NULL;
static char dlopen_error[256];
static pthread_once_t once = PTHREAD_ONCE_INIT;

#define BIND(name)                                                      \
    do {                                                                \
        *(void **)(&table.name) = dlsym(library, #name);                \
        if (!table.name) { load_error = "libcrypto.so.3 lacks " #name; return; } \
    } while (0)

static void load(void) {
    void *library = dlopen("libcrypto.so.3", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        snprintf(dlopen_error, sizeof dlopen_error, "%s", dlerror());
        load_error = dlopen_error;
        return;
    }
    BIND(SHA256_Init);
    BIND(SHA256_Update);
    BIND(SHA256_Final);
    BIND(SHA1_Init);
    BIND(SHA1_Update);
    BIND(SHA1_Final);
    BIND(EVP_sha256);
    BIND(HMAC);
    BIND(EVP_PBE_scrypt);
    BIND(PKCS5_PBKDF2_HMAC);
    BIND(RAND_bytes);
    BIND(AES_set_encrypt_key);
    BIND(AES_encrypt);
    BIND(AES_set_decrypt_key);
    BIND(AES_unwrap_key);
    BIND(CRYPTO_gcm128_new);
    BIND(CRYPTO_gcm128_setiv);
    BIND(CRYPTO_gcm128_aad);
    BIND(CRYPTO_gcm128_encrypt);
    BIND(CRYPTO_gcm128_decrypt);
    BIND(CRYPTO_gcm128_tag);
    BIND(CRYPTO_gcm128_finish);
    BIND(CRYPTO_gcm128_release);
}

const struct vault_crypto *vault_crypto(void) {
    pthread_once(&once, load);
    return load_error ? NULL : &table;
}

const char *vault_crypto_load_error(void) {
    pthread_once(&once, load);
    return load_error;
}

// The digests use OpenSSL's SHA256_*/SHA1_* functions, not EVP_Digest: the
// first EVP call initialises OpenSSL 3's providers and reads openssl.cnf,
// 0.8 ms on a quiet machine, which every file store read and .vaultrc hash
// paid for a 14 µs hash. They are deprecated in OpenSSL 3 but exported, and
// run the same assembly (SHA-NI, AVX2) as the provider's. HMAC, PBKDF2 and
// scrypt, which only run beside a network call or a passphrase, stay on EVP.
int vault_sha256(const uint8_t *data, size_t length, uint8_t out[32]) {
    const struct vault_crypto *c = vault_crypto();
    SHA256_CTX context;
    if (!c) return 0;
    int ok = c->SHA256_Init(&context) == 1 && c->SHA256_Update(&context, data, length) == 1 &&
             c->SHA256_Final(out, &context) == 1;
    explicit_bzero(&context, sizeof context);  // the state holds what was hashed (a .vaultrc, a header)
    return ok;
}

int vault_sha1(const uint8_t *data, size_t length, uint8_t out[20]) {
    const struct vault_crypto *c = vault_crypto();
    SHA_CTX context;
    if (!c) return 0;
    int ok = c->SHA1_Init(&context) == 1 && c->SHA1_Update(&context, data, length) == 1 && c->SHA1_Final(out, &context) == 1;
    explicit_bzero(&context, sizeof context);
    return ok;
}

int vault_hmac_sha256(const uint8_t *key, size_t key_length, const uint8_t *data, size_t length, uint8_t out[32]) {
    const struct vault_crypto *c = vault_crypto();
    unsigned int size = 0;
    if (!c || key_length > INT_MAX) return 0;
    return c->HMAC(c->EVP_sha256(), key, (int)key_length, data, length, out, &size) != NULL && size == 32;
}

int vault_scrypt(const uint8_t *passphrase, size_t passphrase_length, const uint8_t *salt, size_t salt_length,
                 uint64_t n, uint64_t r, uint64_t p, uint64_t max_memory, uint8_t *key, size_t key_length) {
    const struct vault_crypto *c = vault_crypto();
    return c && c->EVP_PBE_scrypt((const char *)passphrase, passphrase_length, salt, salt_length, n, r, p, max_memory,
                                  key, key_length) == 1;
}

int vault_pbkdf2_sha256(const uint8_t *passphrase, size_t passphrase_length, const uint8_t *salt, size_t salt_length,
                        uint32_t iterations, uint8_t *key, size_t key_length) {
    const struct vault_crypto *c = vault_crypto();
    if (!c || passphrase_length > INT_MAX || salt_length > INT_MAX || iterations == 0 || iterations > INT_MAX || key_length > INT_MAX)
        return 0;
    return c->PKCS5_PBKDF2_HMAC((const char *)passphrase, (int)passphrase_length, salt, (int)salt_length, (int)iterations,
                                c->EVP_sha256(), (int)key_length, key) == 1;
}

int vault_aes_key_unwrap(const uint8_t *kek, size_t kek_length, const uint8_t *wrapped, size_t wrapped_length, uint8_t *key) {
    const struct vault_crypto *c = vault_crypto();
    if (!c || (kek_length != 16 && kek_length != 24 && kek_length != 32)) return 0;
    if (wrapped_length < 24 || wrapped_length % 8 != 0 || wrapped_length > 1024) return 0;
    AES_KEY schedule;
    int result = c->AES_set_decrypt_key(kek, (int)(kek_length * 8), &schedule) == 0 &&
                 c->AES_unwrap_key(&schedule, NULL, key, wrapped, (unsigned int)wrapped_length) == (int)(wrapped_length - 8);
    explicit_bzero(&schedule, sizeof schedule);
    if (!result) explicit_bzero(key, wrapped_length - 8);
    return result;
}

int vault_random_bytes(uint8_t *buffer, size_t length) {
    const struct vault_crypto *c = vault_crypto();
    return c && length <= INT_MAX && c->RAND_bytes(buffer, (int)length) == 1;
}

void vault_wipe(void *buffer, size_t length) {
    explicit_bzero(buffer, length);
}
