#ifndef VAULT_SHIMS_CRYPTO_H
#define VAULT_SHIMS_CRYPTO_H
// OpenSSL's libcrypto, loaded with dlopen on first use: commands that hash or
// encrypt nothing (vault --version, list --profiles, prompt, completion) start
// without mapping and relocating it. Every function returns 1 on success.
#include <stddef.h>
#include <stdint.h>

/// NULL when libcrypto loads; else a static message saying what is missing.
const char *vault_crypto_load_error(void);
int vault_sha256(const uint8_t *data, size_t length, uint8_t out[32]);
/// SHA-1, only to name files as botocore names them (not for security).
int vault_sha1(const uint8_t *data, size_t length, uint8_t out[20]);
int vault_hmac_sha256(const uint8_t *key, size_t key_length, const uint8_t *data, size_t length, uint8_t out[32]);
int vault_scrypt(const uint8_t *passphrase, size_t passphrase_length, const uint8_t *salt, size_t salt_length,
                 uint64_t n, uint64_t r, uint64_t p, uint64_t max_memory, uint8_t *key, size_t key_length);
/// PBKDF2-HMAC-SHA256 (RFC 8018), as JWE's PBES2 algorithms use it.
int vault_pbkdf2_sha256(const uint8_t *passphrase, size_t passphrase_length, const uint8_t *salt, size_t salt_length,
                        uint32_t iterations, uint8_t *key, size_t key_length);
/// AES key unwrap (RFC 3394, default IV): `key` gets wrapped_length - 8 bytes;
/// 0 when the integrity check fails (wrong key-encryption key or changed bytes).
int vault_aes_key_unwrap(const uint8_t *kek, size_t kek_length, const uint8_t *wrapped, size_t wrapped_length, uint8_t *key);
int vault_random_bytes(uint8_t *buffer, size_t length);
/// Overwrites memory in a way the optimiser keeps (explicit_bzero; needs no libcrypto).
void vault_wipe(void *buffer, size_t length);
#endif
