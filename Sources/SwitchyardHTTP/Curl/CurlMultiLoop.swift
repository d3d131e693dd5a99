import CCurl
import Foundation
import Synchronization

/// One libcurl multi handle and the dedicated thread that drives it through its socket interface.
///
/// libcurl tells the loop which sockets to watch (`CURLMOPT_SOCKETFUNCTION`) and when its next timeout is due
/// (`CURLMOPT_TIMERFUNCTION`); the loop waits in `epoll_wait` and hands each ready socket to
/// `curl_multi_socket_action`, so each wake-up costs what the ready sockets need. `curl_multi_perform` with
/// `curl_multi_poll` instead polled every transfer's socket and ran every transfer's state machine on each wake-up,
/// which at 64 transfers in flight was five `poll` calls per request.
///
/// Other threads never touch the multi handle or an added easy handle; they post a ``Command`` and write to the
/// loop's eventfd, and the loop thread applies the command.
///
/// Why `@unchecked Sendable` is sound here: `multi` is used by the loop thread only. The eventfd is written while
/// holding `shared`'s lock and only while `multiAlive` is true (the loop thread clears it under the same lock before
/// closing it). `active`, `timerDeadline` and the epoll set are loop-thread only (libcurl calls the socket and timer
/// callbacks from inside calls the loop thread makes).
final class CurlMultiLoop: @unchecked Sendable {
    /// Work posted to the loop thread.
    enum Command {
        /// Add a configured transfer to the multi handle.
        case add(CurlTransfer)
        /// Remove a transfer that ended early (cancelled, abandoned).
        case remove(CurlTransfer)
        /// Resume a transfer paused because its consumer was slow.
        case resume(CurlTransfer)
    }

    private struct Shared {
        var commands: [Command] = []
        var accepting = true
        var multiAlive = true
        var exited = false
        var exitWaiters: [CheckedContinuation<Void, Never>] = []
    }

    private let shared = Mutex(Shared())
    /// Easy handles of finished transfers, kept for reuse: `curl_easy_reset` is much cheaper than a fresh
    /// `curl_easy_init` plus `curl_easy_cleanup`. A handle here is attached to no multi handle and used by no one.
    private let idleHandles = Mutex<[IdleEasyHandle]>([])
    private static let idleHandleLimit = 256
    /// Observations for tests and diagnostics: how often transfers paused, and the most body bytes one transfer
    /// held unread.
    let statistics = CurlLoopStatistics()
    private let multi: UnsafeMutableRawPointer?
    /// The epoll set holding libcurl's sockets and the wake-up eventfd.
    private let epoll: Int32
    /// Written by ``submit(_:)`` to wake the loop.
    private let wakeFD: Int32
    /// When libcurl wants `curl_multi_socket_action(CURL_SOCKET_TIMEOUT)` called, in ``MonotonicClock`` time; `nil`
    /// when it has no timeout pending (loop thread only).
    private var timerDeadline: UInt64?
    private var active: [ObjectIdentifier: CurlTransfer] = [:]
    /// Transfers whose head completed during the current perform round (loop thread only).
    private var readyHeads: [CurlTransfer] = []
    /// When the deadline scan next has work to do; 0 forces a scan (loop thread only).
    private var deadlineScanDue: UInt64 = 0

    /// Creates the multi handle and starts the loop thread.
    init(configuration: CurlTransport.Configuration) {
        CurlGlobal.initialize()
        epoll = epoll_create1(Int32(EPOLL_CLOEXEC))
        wakeFD = swy_wake_eventfd()
        let multi = epoll >= 0 && wakeFD >= 0 && swy_epoll_watch_readable(epoll, wakeFD) == 0 ? curl_multi_init() : nil
        self.multi = multi
        guard let multi else {
            if epoll >= 0 { close(epoll) }
            if wakeFD >= 0 { close(wakeFD) }
            shared.withLock {
                $0.accepting = false
                $0.multiAlive = false
                $0.exited = true
            }
            return
        }
        if configuration.http2 {
            _ = swy_multi_setopt_long(multi, CURLMOPT_PIPELINING, swy_pipe_multiplex())
        }
        _ = swy_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, max(0, configuration.maxConnectionsPerHost))
        _ = swy_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, max(0, configuration.maxTotalConnections))
        // libcurl sizes its idle-connection cache at 4× the handles added *at the moment*; handles leave the multi
        // handle as their transfers end, so under a fluctuating load it closed idle connections it would need a
        // millisecond later (about one reconnect per 20 requests at 64 in flight). Keep room for every connection the
        // caps allow.
        _ = swy_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, Self.connectionCacheSize(configuration))
        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = swy_multi_setopt_socket_callback(multi, CURLMOPT_SOCKETFUNCTION, Self.socketCallback)
        _ = swy_multi_setopt_pointer(multi, CURLMOPT_SOCKETDATA, context)
        _ = swy_multi_setopt_timer_callback(multi, CURLMOPT_TIMERFUNCTION, Self.timerCallback)
        _ = swy_multi_setopt_pointer(multi, CURLMOPT_TIMERDATA, context)
        let thread = Thread { [self] in runLoop() }
        thread.name = "switchyard-curl-multi"
        thread.start()
    }

    /// The idle-connection cache size: what the caps allow, at least 4 hosts' worth.
    static func connectionCacheSize(_ configuration: CurlTransport.Configuration) -> Int {
        let perHost = configuration.maxConnectionsPerHost > 0 ? configuration.maxConnectionsPerHost : 64
        return configuration.maxTotalConnections > 0 ? configuration.maxTotalConnections : perHost * 4
    }

    /// Posts a command and wakes the loop. Returns `false` for an `add` after shutdown began.
    @discardableResult
    func submit(_ command: Command) -> Bool {
        shared.withLock { shared in
            if case .add = command, !shared.accepting { return false }
            guard shared.multiAlive else { return false }
            shared.commands.append(command)
            wake()
            return true
        }
    }

    /// Stops accepting transfers; the loop aborts those in flight with `.shutdown` and exits.
    func beginShutdown() {
        shared.withLock { shared in
            shared.accepting = false
            if shared.multiAlive { wake() }
        }
    }

    /// Waits until the loop thread has cleaned up and is about to exit.
    func waitForExit() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = shared.withLock { shared in
                if shared.exited { return true }
                shared.exitWaiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }

    /// An easy handle in its default state, reused if one is idle.
    func makeEasyHandle() -> UnsafeMutableRawPointer? {
        if let idle = idleHandles.withLock({ $0.popLast() }) {
            curl_easy_reset(idle.handle)
            return idle.handle
        }
        return curl_easy_init()
    }

    /// Takes back an easy handle that is attached to no multi handle; keeps it for reuse or frees it.
    func recycle(_ handle: UnsafeMutableRawPointer) {
        let kept = idleHandles.withLock { handles in
            guard handles.count < Self.idleHandleLimit, shared.withLock({ $0.accepting }) else { return false }
            handles.append(IdleEasyHandle(handle: handle))
            return true
        }
        if !kept { curl_easy_cleanup(handle) }
    }

    /// Whether new transfers are still accepted.
    var isAccepting: Bool {
        shared.withLock { $0.accepting }
    }

    /// Makes the loop's `epoll_wait` return. Called holding `shared`'s lock while `multiAlive` is true.
    private func wake() {
        var one: UInt64 = 1
        _ = write(wakeFD, &one, MemoryLayout<UInt64>.size)
    }

    // MARK: Loop thread

    /// libcurl's socket callback: watch `socket` for what libcurl asks, or stop watching it.
    private static let socketCallback: swy_curl_socket_callback = { _, socket, what, context, watched in
        guard let context else { return -1 }
        let loop = Unmanaged<CurlMultiLoop>.fromOpaque(context).takeUnretainedValue()
        guard let multi = loop.multi else { return -1 }
        _ = swy_epoll_watch(multi, loop.epoll, socket, what, watched)
        return 0
    }

    /// libcurl's timer callback: when to call `curl_multi_socket_action` with `CURL_SOCKET_TIMEOUT` (-1: never).
    private static let timerCallback: swy_curl_timer_callback = { _, milliseconds, context in
        guard let context else { return -1 }
        let loop = Unmanaged<CurlMultiLoop>.fromOpaque(context).takeUnretainedValue()
        loop.timerDeadline = milliseconds < 0 ? nil : MonotonicClock.now() &+ UInt64(milliseconds) &* 1_000_000
        return 0
    }

    private func runLoop() {
        guard let multi else { return }
        Thread.current.name = "swy-curl-multi"  // set from the thread itself, so top, perf and gdb show it
        var pending: [Command] = []
        var running: Int32 = 0
        let capacity: Int32 = 64
        var readyFDs = [Int32](repeating: 0, count: Int(capacity))
        var readyEvents = [Int32](repeating: 0, count: Int(capacity))
        while true {
            let accepting = shared.withLock { shared in
                swap(&pending, &shared.commands)
                return shared.accepting
            }
            for command in pending {
                apply(command, multi: multi)
            }
            pending.removeAll(keepingCapacity: true)
            if !accepting { break }

            runDueTimer(multi, running: &running)
            collectCompleted(multi)
            deliverReadyHeads()
            let nextDeadline = enforceDeadlines(multi)

            // Sleep until a socket is ready, the loop is woken, libcurl's timer is due or a deadline passes (at most
            // a second).
            let now = MonotonicClock.now()
            var wakeAt = now &+ 1_000_000_000
            if let timerDeadline { wakeAt = min(wakeAt, timerDeadline) }
            if let nextDeadline { wakeAt = min(wakeAt, nextDeadline) }
            let timeout = wakeAt > now ? Int32((wakeAt - now + 999_999) / 1_000_000) : 0
            let count = swy_epoll_wait(epoll, &readyFDs, &readyEvents, capacity, timeout)
            guard count > 0 else { continue }
            for index in 0..<Int(count) {
                if readyFDs[index] == wakeFD {
                    var value: UInt64 = 0
                    _ = read(wakeFD, &value, MemoryLayout<UInt64>.size)
                } else {
                    _ = curl_multi_socket_action(multi, readyFDs[index], readyEvents[index], &running)
                }
            }
        }

        for transfer in active.values {
            transfer.finish(.failure(.transportShutdown))
            remove(transfer, multi: multi, unfinished: true)
        }
        active.removeAll()
        let waiters = shared.withLock { shared in
            shared.multiAlive = false
            shared.exited = true
            shared.accepting = false
            // Commands posted after the last drain: adds are failed below, the rest need nothing.
            let leftover = shared.commands
            shared.commands = []
            let waiters = shared.exitWaiters
            shared.exitWaiters = []
            return (waiters, leftover)
        }
        for case .add(let transfer) in waiters.1 {
            transfer.finish(.failure(.transportShutdown))
            transfer.releaseResources()
        }
        for handle in idleHandles.withLock({ handles in
            let taken = handles
            handles = []
            return taken
        }) {
            curl_easy_cleanup(handle.handle)
        }
        curl_multi_cleanup(multi)
        close(wakeFD)
        close(epoll)
        for waiter in waiters.0 { waiter.resume() }
    }

    /// Lets libcurl run its timeouts (and start newly added transfers) when its timer is due.
    private func runDueTimer(_ multi: UnsafeMutableRawPointer, running: inout Int32) {
        guard let deadline = timerDeadline, MonotonicClock.now() >= deadline else { return }
        timerDeadline = nil
        _ = curl_multi_socket_action(multi, swy_socket_timeout(), 0, &running)
    }

    private func apply(_ command: Command, multi: UnsafeMutableRawPointer) {
        switch command {
        case .add(let transfer):
            guard !transfer.inMulti, let easy = transfer.easy else { return }
            let ended = transfer.state.withLock { $0.outcome != nil }
            if ended {
                transfer.releaseResources()
                return
            }
            let now = MonotonicClock.now()
            transfer.lastActivity = now
            if let total = transfer.totalTimeout {
                transfer.totalDeadline = now + total.nanosecondsClamped
            }
            let code = curl_multi_add_handle(multi, easy)
            guard code == CURLM_OK else {
                let message = String(cString: curl_multi_strerror(code))
                transfer.finish(.failure(HTTPTransportError(code: .other, message: "curl_multi_add_handle: \(message)")))
                transfer.releaseResources()
                return
            }
            transfer.inMulti = true
            active[ObjectIdentifier(transfer)] = transfer
            deadlineScanDue = 0
        case .remove(let transfer):
            guard transfer.inMulti else {
                transfer.releaseResources()
                return
            }
            remove(transfer, multi: multi, unfinished: true)
        case .resume(let transfer):
            guard transfer.inMulti, let easy = transfer.easy else { return }
            transfer.prepareResume()
            transfer.lastActivity = MonotonicClock.now()
            deadlineScanDue = 0  // the idle deadline runs again
            _ = curl_easy_pause(easy, swy_pause_cont())
        }
    }

    /// Takes a transfer out of the multi handle and releases it.
    ///
    /// An `unfinished` transfer (cancelled, abandoned, timed out, shut down) must not leave its connection behind:
    /// libcurl closes an HTTP/1.1 connection cut mid-exchange, but keeps a multiplexed HTTP/2 connection, and when no
    /// other transfer drives it, the stream's RST_STREAM is not sent and the server keeps producing the abandoned
    /// response (a streamed generation goes on upstream) until some later request happens to use the connection.
    /// `CURLOPT_FORBID_REUSE` makes libcurl close the connection instead when this was its last transfer; while
    /// other streams still use it, libcurl keeps it open and their traffic carries the reset.
    private func remove(_ transfer: CurlTransfer, multi: UnsafeMutableRawPointer, unfinished: Bool = false) {
        if transfer.inMulti, let easy = transfer.easy {
            if unfinished { _ = swy_easy_setopt_long(easy, CURLOPT_FORBID_REUSE, 1) }
            _ = curl_multi_remove_handle(multi, easy)
        }
        transfer.inMulti = false
        active.removeValue(forKey: ObjectIdentifier(transfer))
        transfer.releaseResources()
    }

    /// Called from the header callback when a transfer's final head is complete.
    func headBecameReady(_ transfer: CurlTransfer) {
        readyHeads.append(transfer)
        deadlineScanDue = 0  // the idle deadline starts now
    }

    /// Hands over the heads completed in this round. Done after `curl_multi_perform` returns, so a small response
    /// whose body also arrived reaches its caller complete, with one wake-up.
    private func deliverReadyHeads() {
        guard !readyHeads.isEmpty else { return }
        for transfer in readyHeads { transfer.sendHeadIfReady() }
        readyHeads.removeAll(keepingCapacity: true)
    }

    private func collectCompleted(_ multi: UnsafeMutableRawPointer) {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
            let result = message.pointee.data.result
            var context: UnsafeMutableRawPointer?
            _ = swy_easy_getinfo_pointer(easy, CURLINFO_PRIVATE, &context)
            guard let transfer = CurlCallbacks.transfer(context) else {
                _ = curl_multi_remove_handle(multi, easy)
                continue
            }
            if result == CURLE_OK {
                if !transfer.headReady { transfer.markHeadReady() }
                transfer.sendHeadIfReady()
                transfer.finish(.success(()))
            } else {
                if transfer.headReady { transfer.sendHeadIfReady() }
                transfer.finish(.failure(transfer.error(for: result)))
            }
            remove(transfer, multi: multi)
        }
    }

    /// Fails transfers past their idle or total deadline; returns the earliest deadline still pending.
    private func enforceDeadlines(_ multi: UnsafeMutableRawPointer) -> UInt64? {
        guard !active.isEmpty else { return nil }
        let now = MonotonicClock.now()
        // Deadlines only move later (activity pushes idle deadlines out) unless something reset the scan, so
        // nothing can have expired before the earliest deadline the last scan saw.
        if now < deadlineScanDue { return deadlineScanDue == .max ? nil : deadlineScanDue }
        var earliest: UInt64?
        var expired: [(CurlTransfer, HTTPTransportError)] = []
        for transfer in active.values {
            if let deadline = transfer.totalDeadline {
                if now >= deadline {
                    expired.append((transfer, transfer.timeoutError(.totalTimeout)))
                    continue
                }
                earliest = min(earliest ?? deadline, deadline)
            }
            if let idle = transfer.idleLimit, transfer.headReady, !transfer.pausedByBackpressure {
                let deadline = transfer.lastActivity &+ idle
                if now >= deadline {
                    expired.append((transfer, transfer.timeoutError(.idleTimeout)))
                    continue
                }
                earliest = min(earliest ?? deadline, deadline)
            }
        }
        for (transfer, error) in expired {
            transfer.finish(.failure(error))
            remove(transfer, multi: multi, unfinished: true)
        }
        deadlineScanDue = earliest ?? .max
        return earliest
    }
}

extension CurlTransfer {
    /// The typed error for a failed transfer, telling the connect timeout from the total timeout.
    func error(for code: CURLcode) -> HTTPTransportError {
        var timeoutKind = HTTPTransportError.Code.totalTimeout
        if code == CURLE_OPERATION_TIMEDOUT, let easy {
            var connected: curl_off_t = 0
            _ = swy_easy_getinfo_off_t(easy, isTLS ? CURLINFO_APPCONNECT_TIME_T : CURLINFO_CONNECT_TIME_T, &connected)
            if connected == 0, totalTimeout.map({ connectTimeout <= $0 }) ?? true {
                timeoutKind = .connectTimeout
            }
        }
        return .fromCurl(code, detail: errorText, timeoutKind: timeoutKind)
    }

    /// The error for a deadline the multi thread enforced itself.
    func timeoutError(_ kind: HTTPTransportError.Code) -> HTTPTransportError {
        let limit = kind == .idleTimeout ? idleTimeout : totalTimeout
        let what = kind == .idleTimeout ? "no response bytes" : "the exchange did not complete"
        return HTTPTransportError(code: kind, message: "\(what) within \(limit.map { "\($0)" } ?? "the limit")")
    }
}

/// An easy handle waiting in the reuse pool.
///
/// Why `@unchecked Sendable` is sound here: a pooled handle is attached to no multi handle and referenced by nothing
/// but the pool, so whichever thread takes it out of the pool's mutex owns it exclusively.
struct IdleEasyHandle: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer
}
