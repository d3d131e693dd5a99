// Typed wrappers for libcurl's variadic functions, which Swift cannot call directly.
// Each wrapper fixes the type of the third argument; libcurl documents which type each option takes.
#ifndef SWITCHYARD_CCURL_SHIM_H
#define SWITCHYARD_CCURL_SHIM_H

#include <curl/curl.h>
#include <stddef.h>

typedef size_t (*swy_curl_data_callback)(char *buffer, size_t size, size_t nitems, void *userdata);
typedef int (*swy_curl_xferinfo_callback)(void *userdata, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow);
typedef int (*swy_curl_sockopt_callback)(void *clientp, curl_socket_t curlfd, curlsocktype purpose);

static inline CURLcode swy_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode swy_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode swy_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode swy_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode swy_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode swy_easy_setopt_data_callback(CURL *handle, CURLoption option, swy_curl_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode swy_easy_setopt_xferinfo_callback(CURL *handle, CURLoption option, swy_curl_xferinfo_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode swy_easy_setopt_sockopt_callback(CURL *handle, CURLoption option, swy_curl_sockopt_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode swy_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode swy_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode swy_easy_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode swy_easy_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode swy_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLMcode swy_multi_setopt_long(CURLM *handle, CURLMoption option, long value) {
    return curl_multi_setopt(handle, option, value);
}

typedef int (*swy_curl_prereq_callback)(void *clientp, char *conn_primary_ip, char *conn_local_ip, int conn_primary_port, int conn_local_port);

static inline CURLcode swy_easy_setopt_prereq_callback(CURL *handle, CURLoption option, swy_curl_prereq_callback value) {
    return curl_easy_setopt(handle, option, value);
}

// Constants defined as composite macros, which Swift does not import.
static inline long swy_global_default_flags(void) { return CURL_GLOBAL_DEFAULT; }
static inline size_t swy_writefunc_pause(void) { return CURL_WRITEFUNC_PAUSE; }
static inline int swy_pause_cont(void) { return CURLPAUSE_CONT; }
static inline long swy_pipe_multiplex(void) { return CURLPIPE_MULTIPLEX; }
static inline long swy_http_version_2tls(void) { return CURL_HTTP_VERSION_2TLS; }
static inline long swy_http_version_1_1(void) { return CURL_HTTP_VERSION_1_1; }
static inline size_t swy_error_size(void) { return CURL_ERROR_SIZE; }

#endif
