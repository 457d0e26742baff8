#ifndef VAULT_SHIMS_AEAD_H
#define VAULT_SHIMS_AEAD_H
// AES-256-GCM through OpenSSL's block and GCM-mode functions rather than EVP:
// EVP's first use loads OpenSSL 3's provider tables (about 1 ms), which the
// file store would pay on every command for a few hundred bytes.
#include <stddef.h>
#include <stdint.h>

/// Encrypts `length` bytes of `input` into `output` and writes the 16-byte tag. 0 on success.
int vault_aes256gcm_seal(const uint8_t *key, const uint8_t *nonce, const uint8_t *aad, size_t aad_length,
                         const uint8_t *input, size_t length, uint8_t *output, uint8_t *tag);
/// Decrypts and checks the tag (in constant time): 0 authentic, 1 not, -1 failure.
int vault_aes256gcm_open(const uint8_t *key, const uint8_t *nonce, const uint8_t *aad, size_t aad_length,
                         const uint8_t *input, size_t length, const uint8_t *tag, uint8_t *output);

#endif
