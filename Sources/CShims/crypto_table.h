// Private to CShims: libcrypto's functions, resolved by dlopen/dlsym on first
// use (crypto.c), for the other C files that call OpenSSL.
#ifndef VAULT_CRYPTO_TABLE_H
#define VAULT_CRYPTO_TABLE_H
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/aes.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/modes.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

struct vault_crypto {
    __typeof__(SHA256_Init) *SHA256_Init;
    __typeof__(SHA256_Update) *SHA256_Update;
    __typeof__(SHA256_Final) *SHA256_Final;
    __typeof__(SHA1_Init) *SHA1_Init;
    __typeof__(SHA1_Update) *SHA1_Update;
    __typeof__(SHA1_Final) *SHA1_Final;
    __typeof__(EVP_sha256) *EVP_sha256;
    __typeof__(HMAC) *HMAC;
    __typeof__(EVP_PBE_scrypt) *EVP_PBE_scrypt;
    __typeof__(PKCS5_PBKDF2_HMAC) *PKCS5_PBKDF2_HMAC;
    __typeof__(RAND_bytes) *RAND_bytes;
    __typeof__(AES_set_encrypt_key) *AES_set_encrypt_key;
    __typeof__(AES_encrypt) *AES_encrypt;
    __typeof__(AES_set_decrypt_key) *AES_set_decrypt_key;
    __typeof__(AES_unwrap_key) *AES_unwrap_key;
    __typeof__(CRYPTO_gcm128_new) *CRYPTO_gcm128_new;
    __typeof__(CRYPTO_gcm128_setiv) *CRYPTO_gcm128_setiv;
    __typeof__(CRYPTO_gcm128_aad) *CRYPTO_gcm128_aad;
    __typeof__(CRYPTO_gcm128_encrypt) *CRYPTO_gcm128_encrypt;
    __typeof__(CRYPTO_gcm128_decrypt) *CRYPTO_gcm128_decrypt;
    __typeof__(CRYPTO_gcm128_tag) *CRYPTO_gcm128_tag;
    __typeof__(CRYPTO_gcm128_finish) *CRYPTO_gcm128_finish;
    __typeof__(CRYPTO_gcm128_release) *CRYPTO_gcm128_release;
};

/// The table, loaded once; NULL when libcrypto cannot be loaded.
const struct vault_crypto *vault_crypto(void);
#endif
