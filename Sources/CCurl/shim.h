// Typed wrappers over libcurl's variadic setopt/getinfo and its macros, which Swift cannot call
// or see directly. ChunkScopeTransport is the only user.
#ifndef CHUNKSCOPE_CCURL_SHIM_H
#define CHUNKSCOPE_CCURL_SHIM_H
#include <curl/curl.h>

/// A write or header callback: (bytes, 1, count, userdata) -> bytes consumed.
typedef size_t (*cs_data_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);

static inline CURLcode cs_easy_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode cs_easy_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode cs_easy_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode cs_easy_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode cs_easy_setopt_callback(CURL *h, CURLoption o, cs_data_callback v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode cs_easy_setopt_off(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode cs_easy_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode cs_easy_getinfo_double(CURL *h, CURLINFO i, double *v) { return curl_easy_getinfo(h, i, v); }

/// `curl_global_init(CURL_GLOBAL_DEFAULT)` (the flag is a macro).
static inline CURLcode cs_global_init_default(void) { return curl_global_init(CURL_GLOBAL_DEFAULT); }
/// The size of the buffer `CURLOPT_ERRORBUFFER` needs.
static inline int cs_error_buffer_size(void) { return CURL_ERROR_SIZE; }
/// The result code of a finished transfer from `curl_multi_info_read` (a union member).
static inline CURLcode cs_multi_msg_result(const CURLMsg *m) { return m->data.result; }
/// True when the message says a transfer is done.
static inline int cs_multi_msg_is_done(const CURLMsg *m) { return m->msg == CURLMSG_DONE; }

/// A read callback that aborts the transfer: installed so libcurl can never fall back to its
/// default read callback, which reads the request body from stdin.
static inline size_t cs_refuse_read(char *buffer, size_t size, size_t nitems, void *userdata) {
    (void)buffer; (void)size; (void)nitems; (void)userdata;
    return CURL_READFUNC_ABORT;
}
/// Installs `cs_refuse_read` as `CURLOPT_READFUNCTION`.
static inline CURLcode cs_easy_refuse_reads(CURL *h) { return curl_easy_setopt(h, CURLOPT_READFUNCTION, cs_refuse_read); }

/// Bits of `curl_version_info()->features` for the content decoders this libcurl was built with.
static inline int cs_has_libz(void) { return (curl_version_info(CURLVERSION_NOW)->features & CURL_VERSION_LIBZ) != 0; }
static inline int cs_has_brotli(void) { return (curl_version_info(CURLVERSION_NOW)->features & CURL_VERSION_BROTLI) != 0; }
static inline int cs_has_zstd(void) { return (curl_version_info(CURLVERSION_NOW)->features & CURL_VERSION_ZSTD) != 0; }
#endif
