// Typed wrappers for libcurl's variadic functions, which Swift cannot call directly.
// Each wrapper fixes the type of the third argument; libcurl documents which type each option takes.
#ifndef SWITCHYARD_CCURL_SHIM_H
#define SWITCHYARD_CCURL_SHIM_H

#include <curl/curl.h>
#include <stddef.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>

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

// The multi handle's socket interface (curl_multi_socket_action), driven by an epoll set.
typedef int (*swy_curl_socket_callback)(CURL *easy, curl_socket_t socket, int what, void *userp, void *socketp);
typedef int (*swy_curl_timer_callback)(CURLM *multi, long timeout_ms, void *userp);

static inline CURLMcode swy_multi_setopt_socket_callback(CURLM *handle, CURLMoption option, swy_curl_socket_callback value) {
    return curl_multi_setopt(handle, option, value);
}

static inline CURLMcode swy_multi_setopt_timer_callback(CURLM *handle, CURLMoption option, swy_curl_timer_callback value) {
    return curl_multi_setopt(handle, option, value);
}

static inline CURLMcode swy_multi_setopt_pointer(CURLM *handle, CURLMoption option, void *value) {
    return curl_multi_setopt(handle, option, value);
}

static inline curl_socket_t swy_socket_timeout(void) { return CURL_SOCKET_TIMEOUT; }

// epoll helpers: `struct epoll_event` is packed on x86-64, which Swift does not import as laid out in C, so the
// loop passes plain values and these translate between libcurl's and epoll's event bits.

/// Sets the events epoll watches on `fd` to libcurl's `what` (CURL_POLL_IN, _OUT, _INOUT or _REMOVE). `watched`
/// is libcurl's per-socket pointer (curl_multi_assign): NULL until the socket is first added, so an added socket is
/// modified and a new one added, one system call each.
static inline int swy_epoll_watch(CURLM *multi, int epoll, int fd, int what, void *watched) {
    if (what == CURL_POLL_REMOVE) {
        return epoll_ctl(epoll, EPOLL_CTL_DEL, fd, NULL);
    }
    struct epoll_event event = {0};
    if (what & CURL_POLL_IN) event.events |= EPOLLIN;
    if (what & CURL_POLL_OUT) event.events |= EPOLLOUT;
    event.data.fd = fd;
    if (watched != NULL) return epoll_ctl(epoll, EPOLL_CTL_MOD, fd, &event);
    int added = epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event);
    if (added != 0) added = epoll_ctl(epoll, EPOLL_CTL_MOD, fd, &event);
    if (added == 0) curl_multi_assign(multi, fd, (void *)1);
    return added;
}

/// A non-blocking, close-on-exec eventfd that wakes the loop.
static inline int swy_wake_eventfd(void) { return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC); }

/// Watches `fd` for reading (the loop's wake-up eventfd).
static inline int swy_epoll_watch_readable(int epoll, int fd) {
    struct epoll_event event = {0};
    event.events = EPOLLIN;
    event.data.fd = fd;
    return epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event);
}

/// Waits like epoll_wait for at most `capacity` (≤ 64) events; fills `fds` and `curlEvents` (CURL_CSELECT_* bits).
static inline int swy_epoll_wait(int epoll, int *fds, int *curlEvents, int capacity, int timeoutMilliseconds) {
    struct epoll_event events[64];
    if (capacity > 64) capacity = 64;
    int count = epoll_wait(epoll, events, capacity, timeoutMilliseconds);
    for (int index = 0; index < count; index++) {
        int bits = 0;
        if (events[index].events & EPOLLIN) bits |= CURL_CSELECT_IN;
        if (events[index].events & EPOLLOUT) bits |= CURL_CSELECT_OUT;
        if (events[index].events & (EPOLLERR | EPOLLHUP)) bits |= CURL_CSELECT_ERR;
        fds[index] = events[index].data.fd;
        curlEvents[index] = bits;
    }
    return count;
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
