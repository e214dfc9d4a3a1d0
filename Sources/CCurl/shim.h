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
#endif
