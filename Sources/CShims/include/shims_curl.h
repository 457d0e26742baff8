#ifndef VAULT_SHIMS_CURL_H
#define VAULT_SHIMS_CURL_H
// libcurl, loaded with dlopen("libcurl.so.4") on first use so that commands
// that make no request never map it. Owned on the Swift side by
// Sources/VaultCore/AWS/CurlTransport.swift, the only caller.
//
// Swift cannot call curl_easy_setopt (it is variadic), so this shim wraps it
// per argument type. The option numbers below are curl's own (a stable ABI);
// curl.c checks each one against <curl/curl.h> at compile time, while Swift
// sees only this small header.
#include <stddef.h>
#include <stdint.h>

typedef struct vault_curl vault_curl;

enum {
    VAULT_CURLOPT_URL = 10002,
    VAULT_CURLOPT_PROXY = 10004,
    VAULT_CURLOPT_CUSTOMREQUEST = 10036,
    VAULT_CURLOPT_CAINFO = 10065,
    VAULT_CURLOPT_NOPROXY = 10177,
    VAULT_CURLOPT_HTTPGET = 80,
    VAULT_CURLOPT_NOSIGNAL = 99,
    VAULT_CURLOPT_TIMEOUT_MS = 155,
    VAULT_CURLOPT_CONNECTTIMEOUT_MS = 156,
};

// The CURLcode values vault tells apart (curl's numbers).
enum {
    VAULT_CURLE_OK = 0,
    VAULT_CURLE_UNSUPPORTED_PROTOCOL = 1,
    VAULT_CURLE_URL_MALFORMAT = 3,
    VAULT_CURLE_COULDNT_RESOLVE_PROXY = 5,
    VAULT_CURLE_COULDNT_RESOLVE_HOST = 6,
    VAULT_CURLE_COULDNT_CONNECT = 7,
    VAULT_CURLE_PARTIAL_FILE = 18,
    VAULT_CURLE_WRITE_ERROR = 23,
    VAULT_CURLE_OPERATION_TIMEDOUT = 28,
    VAULT_CURLE_SSL_CONNECT_ERROR = 35,
    VAULT_CURLE_GOT_NOTHING = 52,
    VAULT_CURLE_SEND_ERROR = 55,
    VAULT_CURLE_RECV_ERROR = 56,
    VAULT_CURLE_SSL_CERTPROBLEM = 58,
    VAULT_CURLE_PEER_FAILED_VERIFICATION = 60,
    VAULT_CURLE_SSL_CACERT_BADFILE = 77,
    VAULT_CURLE_PROXY = 97,
};

/// Loads libcurl (once per process) and makes an easy handle. On failure
/// returns NULL and writes why into `error`.
vault_curl *vault_curl_new(char *error, size_t error_size);
void vault_curl_free(vault_curl *handle);
/// Clears every option and header for the next request, keeping open connections.
void vault_curl_reset(vault_curl *handle);

int vault_curl_set_long(vault_curl *handle, int option, long value);
/// curl copies strings (since 7.17), so `value` need not outlive the call.
int vault_curl_set_string(vault_curl *handle, int option, const char *value);
/// Adds one request header line ("Name: value").
int vault_curl_add_header(vault_curl *handle, const char *line);
/// Sends `body` (copied) as the request body with POST semantics.
int vault_curl_set_body(vault_curl *handle, const void *body, size_t size);

/// Performs the request, keeping at most `max_body` bytes of response body
/// (more fails the transfer with CURLE_WRITE_ERROR). Returns the CURLcode.
int vault_curl_perform(vault_curl *handle, size_t max_body);

long vault_curl_status(vault_curl *handle);
const unsigned char *vault_curl_body(vault_curl *handle, size_t *size);
/// The header lines of the final response (after any proxy CONNECT reply).
const char *vault_curl_headers(vault_curl *handle, size_t *size);
/// curl's detailed message for the last failure, or its generic one.
const char *vault_curl_error(vault_curl *handle, int code);
/// 1 when the response body passed `max_body`.
int vault_curl_body_overflowed(vault_curl *handle);
/// NULL when libcurl loads (loading it once); else why not.
const char *vault_curl_load_error(void);
#endif
