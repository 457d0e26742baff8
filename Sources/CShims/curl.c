#include "shims_curl.h"
#include <curl/curl.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// The option and error numbers in shims_curl.h must be curl's own.
_Static_assert(VAULT_CURLOPT_URL == CURLOPT_URL, "CURLOPT_URL");
_Static_assert(VAULT_CURLOPT_PROXY == CURLOPT_PROXY, "CURLOPT_PROXY");
_Static_assert(VAULT_CURLOPT_CUSTOMREQUEST == CURLOPT_CUSTOMREQUEST, "CURLOPT_CUSTOMREQUEST");
_Static_assert(VAULT_CURLOPT_CAINFO == CURLOPT_CAINFO, "CURLOPT_CAINFO");
_Static_assert(VAULT_CURLOPT_NOPROXY == CURLOPT_NOPROXY, "CURLOPT_NOPROXY");
_Static_assert(VAULT_CURLOPT_HTTPGET == CURLOPT_HTTPGET, "CURLOPT_HTTPGET");
_Static_assert(VAULT_CURLOPT_NOSIGNAL == CURLOPT_NOSIGNAL, "CURLOPT_NOSIGNAL");
_Static_assert(VAULT_CURLOPT_TIMEOUT_MS == CURLOPT_TIMEOUT_MS, "CURLOPT_TIMEOUT_MS");
_Static_assert(VAULT_CURLOPT_CONNECTTIMEOUT_MS == CURLOPT_CONNECTTIMEOUT_MS, "CURLOPT_CONNECTTIMEOUT_MS");
_Static_assert(VAULT_CURLE_COULDNT_RESOLVE_PROXY == CURLE_COULDNT_RESOLVE_PROXY, "CURLE");
_Static_assert(VAULT_CURLE_COULDNT_RESOLVE_HOST == CURLE_COULDNT_RESOLVE_HOST, "CURLE");
_Static_assert(VAULT_CURLE_COULDNT_CONNECT == CURLE_COULDNT_CONNECT, "CURLE");
_Static_assert(VAULT_CURLE_PARTIAL_FILE == CURLE_PARTIAL_FILE, "CURLE");
_Static_assert(VAULT_CURLE_WRITE_ERROR == CURLE_WRITE_ERROR, "CURLE");
_Static_assert(VAULT_CURLE_OPERATION_TIMEDOUT == CURLE_OPERATION_TIMEDOUT, "CURLE");
_Static_assert(VAULT_CURLE_SSL_CONNECT_ERROR == CURLE_SSL_CONNECT_ERROR, "CURLE");
_Static_assert(VAULT_CURLE_GOT_NOTHING == CURLE_GOT_NOTHING, "CURLE");
_Static_assert(VAULT_CURLE_SEND_ERROR == CURLE_SEND_ERROR, "CURLE");
_Static_assert(VAULT_CURLE_RECV_ERROR == CURLE_RECV_ERROR, "CURLE");
_Static_assert(VAULT_CURLE_SSL_CERTPROBLEM == CURLE_SSL_CERTPROBLEM, "CURLE");
_Static_assert(VAULT_CURLE_PEER_FAILED_VERIFICATION == CURLE_PEER_FAILED_VERIFICATION, "CURLE");
_Static_assert(VAULT_CURLE_SSL_CACERT_BADFILE == CURLE_SSL_CACERT_BADFILE, "CURLE");
_Static_assert(VAULT_CURLE_PROXY == CURLE_PROXY, "CURLE");

// The libcurl functions vault uses, resolved with dlsym.
static struct {
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *);
    void (*easy_reset)(CURL *);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_perform)(CURL *);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    const char *(*easy_strerror)(CURLcode);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
} api;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static char load_error[256];
static int loaded;

static void load(void) {
    void *lib = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        snprintf(load_error, sizeof load_error, "%s", dlerror());
        return;
    }
#define SYM(field, name) \
    if (!(*(void **)&api.field = dlsym(lib, name))) { \
        snprintf(load_error, sizeof load_error, "libcurl.so.4 has no %s", name); \
        return; \
    }
    SYM(global_init, "curl_global_init")
    SYM(easy_init, "curl_easy_init")
    SYM(easy_cleanup, "curl_easy_cleanup")
    SYM(easy_reset, "curl_easy_reset")
    SYM(easy_setopt, "curl_easy_setopt")
    SYM(easy_perform, "curl_easy_perform")
    SYM(easy_getinfo, "curl_easy_getinfo")
    SYM(easy_strerror, "curl_easy_strerror")
    SYM(slist_append, "curl_slist_append")
    SYM(slist_free_all, "curl_slist_free_all")
#undef SYM
    // curl_global_init is not thread-safe in older libcurl: run it once here.
    if (api.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        snprintf(load_error, sizeof load_error, "curl_global_init failed");
        return;
    }
    loaded = 1;
}

typedef struct {
    unsigned char *data;
    size_t size, capacity, limit;
    int overflow;
} buffer;

struct vault_curl {
    CURL *easy;
    struct curl_slist *headers;
    buffer body, head;
    char error[CURL_ERROR_SIZE];
};

static int buffer_append(buffer *b, const void *data, size_t n) {
    if (b->size + n > b->limit) {
        b->overflow = 1;
        return 0;
    }
    if (b->size + n + 1 > b->capacity) {
        size_t capacity = b->capacity ? b->capacity : 4096;
        while (capacity < b->size + n + 1) capacity *= 2;
        unsigned char *grown = realloc(b->data, capacity);
        if (!grown) return 0;
        b->data = grown;
        b->capacity = capacity;
    }
    memcpy(b->data + b->size, data, n);
    b->size += n;
    b->data[b->size] = 0;
    return 1;
}

/// Answers can hold secrets (CreateAccessKey): wipe them before reuse or free.
static void wipe(buffer *b) {
    if (b->data) explicit_bzero(b->data, b->capacity);
    b->size = 0;
}

static size_t on_body(char *data, size_t size, size_t count, void *user) {
    size_t n = size * count;
    return buffer_append(&((vault_curl *)user)->body, data, n) ? n : 0;
}

static size_t on_header(char *data, size_t size, size_t count, void *user) {
    size_t n = size * count;
    buffer *head = &((vault_curl *)user)->head;
    // A new status line starts a new header block (e.g. after a proxy's
    // "200 Connection established" or a 100 Continue): keep only the last.
    if (n >= 5 && memcmp(data, "HTTP/", 5) == 0) head->size = 0;
    return buffer_append(head, data, n) ? n : 0;
}

static void set_defaults(vault_curl *h);

const char *vault_curl_load_error(void) {
    pthread_once(&load_once, load);
    return loaded ? NULL : load_error;
}

vault_curl *vault_curl_new(char *error, size_t error_size) {
    pthread_once(&load_once, load);
    if (!loaded) {
        snprintf(error, error_size, "%s", load_error);
        return NULL;
    }
    vault_curl *h = calloc(1, sizeof *h);
    if (!h) {
        snprintf(error, error_size, "out of memory");
        return NULL;
    }
    h->easy = api.easy_init();
    if (!h->easy) {
        free(h);
        snprintf(error, error_size, "curl_easy_init failed");
        return NULL;
    }
    h->head.limit = 64 * 1024;
    set_defaults(h);
    return h;
}

void vault_curl_reset(vault_curl *h) {
    // Options back to defaults; the connection cache stays, so the next
    // request to the same host reuses the open (TLS) connection.
    api.easy_reset(h->easy);
    wipe(&h->body);
    if (h->headers) api.slist_free_all(h->headers);
    h->headers = NULL;
    set_defaults(h);
}

static void set_defaults(vault_curl *h) {
    api.easy_setopt(h->easy, CURLOPT_ERRORBUFFER, h->error);
    api.easy_setopt(h->easy, CURLOPT_WRITEFUNCTION, on_body);
    api.easy_setopt(h->easy, CURLOPT_WRITEDATA, (void *)h);
    api.easy_setopt(h->easy, CURLOPT_HEADERFUNCTION, on_header);
    api.easy_setopt(h->easy, CURLOPT_HEADERDATA, (void *)h);
    // Only HTTP(S), never a redirect to anything else.
    api.easy_setopt(h->easy, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
    api.easy_setopt(h->easy, CURLOPT_FOLLOWLOCATION, 0L);
}

void vault_curl_free(vault_curl *h) {
    if (!h) return;
    if (h->easy) api.easy_cleanup(h->easy);
    if (h->headers) api.slist_free_all(h->headers);
    wipe(&h->body);
    free(h->body.data);
    free(h->head.data);
    free(h);
}

int vault_curl_set_long(vault_curl *h, int option, long value) {
    return api.easy_setopt(h->easy, (CURLoption)option, value);
}

int vault_curl_set_string(vault_curl *h, int option, const char *value) {
    return api.easy_setopt(h->easy, (CURLoption)option, value);
}

int vault_curl_add_header(vault_curl *h, const char *line) {
    struct curl_slist *list = api.slist_append(h->headers, line);
    if (!list) return CURLE_OUT_OF_MEMORY;
    h->headers = list;
    return CURLE_OK;
}

int vault_curl_set_body(vault_curl *h, const void *body, size_t size) {
    CURLcode rc = api.easy_setopt(h->easy, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)size);
    if (rc != CURLE_OK) return rc;
    return api.easy_setopt(h->easy, CURLOPT_COPYPOSTFIELDS, size ? body : "");
}

int vault_curl_perform(vault_curl *h, size_t max_body) {
    h->body.size = 0;
    h->body.overflow = 0;
    h->body.limit = max_body;
    h->head.size = 0;
    h->error[0] = 0;
    api.easy_setopt(h->easy, CURLOPT_HTTPHEADER, h->headers);
    return api.easy_perform(h->easy);
}

long vault_curl_status(vault_curl *h) {
    long status = 0;
    api.easy_getinfo(h->easy, CURLINFO_RESPONSE_CODE, &status);
    return status;
}

const unsigned char *vault_curl_body(vault_curl *h, size_t *size) {
    *size = h->body.size;
    return h->body.data;
}

const char *vault_curl_headers(vault_curl *h, size_t *size) {
    *size = h->head.size;
    return (const char *)h->head.data;
}

const char *vault_curl_error(vault_curl *h, int code) {
    if (h && h->error[0]) return h->error;
    return api.easy_strerror ? api.easy_strerror((CURLcode)code) : "unknown error";
}

int vault_curl_body_overflowed(vault_curl *h) {
    return h->body.overflow;
}
