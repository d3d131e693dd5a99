import CCurl
import Foundation
import Synchronization

/// One exchange in flight: its easy handle, the state shared between the multi thread and the caller, and the
/// bookkeeping the multi thread keeps while it drives the transfer.
///
/// Why `@unchecked Sendable` is sound here: the stored `var`s marked "multi thread only" are written by the
/// submitting task while it sets the transfer up, then handed to the multi thread through the loop's mutex (a
/// happens-before edge), and from then on touched only on the multi thread (libcurl calls every callback there).
/// Everything the caller and the multi thread both touch lives in `state`, behind a `Mutex`.
final class CurlTransfer: @unchecked Sendable {
    /// What the caller and the multi thread share.
    struct SharedState {
        /// The caller waiting in `execute` for the response head.
        var headContinuation: CheckedContinuation<ReceivedHead, any Error>?
        /// Whether the response head went to the caller (or the caller gave up on it).
        var headDelivered = false
        /// Body chunks received but not yet read; `chunkStart` is the first unread index.
        var chunks: [Data] = []
        var chunkStart = 0
        /// The bytes in `chunks[chunkStart...]`.
        var bufferedBytes = 0
        /// Whether the multi thread paused the transfer because the buffer was full.
        var paused = false
        /// Whether the consumer already asked the multi thread to resume.
        var resumeRequested = false
        /// The consumer waiting for the next chunk (only while the buffer is empty).
        var bodyWaiter: CheckedContinuation<Data?, any Error>?
        /// How the exchange ended; `nil` while it runs. The first outcome wins.
        var outcome: Result<Void, HTTPTransportError>?
        /// Whether a consumer is collecting the whole body (the write callback then appends to `collected`).
        var collecting = false
        /// The collected bytes so far.
        var collected = Data()
        /// The most bytes the collecting consumer accepts.
        var collectLimit = 0
        /// The consumer waiting for the whole body.
        var collectWaiter: CheckedContinuation<Data, any Error>?

        mutating func popChunk() -> Data? {
            guard chunkStart < chunks.count else { return nil }
            let chunk = chunks[chunkStart]
            chunks[chunkStart] = Data()
            chunkStart += 1
            bufferedBytes -= chunk.count
            if chunkStart == chunks.count {
                chunks.removeAll(keepingCapacity: true)
                chunkStart = 0
            }
            return chunk
        }
    }

    /// Everyone waiting on the transfer, taken out of the state together.
    typealias Waiters = (
        head: CheckedContinuation<ReceivedHead, any Error>?,
        body: CheckedContinuation<Data?, any Error>?,
        collector: CheckedContinuation<Data, any Error>?
    )

    /// Everyone waiting when the transfer ends, with the collected body for a collecting consumer.
    typealias FinishWaiters = (
        head: CheckedContinuation<ReceivedHead, any Error>?,
        body: CheckedContinuation<Data?, any Error>?,
        collector: (CheckedContinuation<Data, any Error>, Data)?
    )

    /// What the write callback tells libcurl.
    enum Delivery {
        case accepted
        case pause
        case abort
    }

    let state = Mutex(SharedState())
    /// The loop that drives this transfer.
    let loop: CurlMultiLoop
    /// Pause the transfer once this many body bytes wait unread.
    let bufferLimit: Int

    // MARK: Multi thread only (see the type's comment)

    /// The easy handle; `nil` once released.
    var easy: UnsafeMutableRawPointer?
    /// The request header list handed to libcurl.
    var headerList: UnsafeMutablePointer<curl_slist>?
    /// The request body, owned here because `CURLOPT_POSTFIELDS` does not copy.
    var requestBody: UnsafeMutableRawBufferPointer?
    /// libcurl's `CURLOPT_ERRORBUFFER`.
    let errorBuffer: UnsafeMutablePointer<CChar>
    /// The status of the head being received, its protocol version, and its raw header lines.
    var parsedStatus = 0
    var parsedVersion: HTTPVersion?
    var rawHeaderBytes: [UInt8] = []
    /// Whether the final head is complete (it goes to the caller when the current perform round ends).
    var headReady = false
    /// Whether the request went out (header blocks before that belong to a proxy's CONNECT).
    var requestSent = false
    /// Whether the head went to the caller.
    var headSent = false
    /// Whether the write callback paused the transfer (the multi thread's own view).
    var pausedByBackpressure = false
    /// Whether the handle is in the multi handle.
    var inMulti = false
    /// When a byte last arrived (monotonic nanoseconds).
    var lastActivity: UInt64 = 0
    /// The idle limit in nanoseconds, or `nil`.
    var idleLimit: UInt64?
    /// When the whole exchange must be over (monotonic nanoseconds), or `nil`.
    var totalDeadline: UInt64?
    /// The timeouts in effect, to tell which one fired.
    var connectTimeout: Duration = .seconds(10)
    var totalTimeout: Duration?
    var idleTimeout: Duration?
    /// Whether the URL is `https://` (connect time then includes the TLS handshake).
    var isTLS = false
    /// Body bytes still to come, from `Content-Length`, if the server announced it.
    var expectedRemaining: Int?

    init(loop: CurlMultiLoop, bufferLimit: Int) {
        self.loop = loop
        self.bufferLimit = max(1, bufferLimit)
        self.errorBuffer = .allocate(capacity: Int(swy_error_size()))
        self.errorBuffer.initialize(repeating: 0, count: Int(swy_error_size()))
    }

    deinit {
        releaseResources()
        errorBuffer.deallocate()
    }

    /// Frees the easy handle, header list and body copy. Multi thread only (or from `deinit`).
    func releaseResources() {
        if let easy {
            loop.recycle(easy)
            self.easy = nil
        }
        if let headerList {
            curl_slist_free_all(headerList)
            self.headerList = nil
        }
        if let requestBody {
            requestBody.deallocate()
            self.requestBody = nil
        }
    }

    /// curl's error-buffer text, if any.
    var errorText: String {
        String(cString: errorBuffer)
    }

    // MARK: Caller side

    /// Waits for the response head, then builds the response (parsing the header lines here, on the caller's task).
    /// Cancelling the task aborts the transfer.
    func awaitResponse() async throws -> HTTPResponse {
        let head = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<ReceivedHead, any Error>) in
                let failure: HTTPTransportError? = state.withLock { state in
                    if case .failure(let error) = state.outcome { return error }
                    state.headContinuation = continuation
                    return nil
                }
                if let failure {
                    continuation.resume(throwing: failure)
                    return
                }
                if !loop.submit(.add(self)) {
                    cancel(with: .transportShutdown)
                }
            }
        } onCancel: {
            cancel(with: .transferCancelled)
        }
        let headers = head.headers
        let contentLength = head.contentLength(in: headers)
        let guardian = CurlTransferGuard(transfer: self)
        return HTTPResponse(
            status: head.status,
            headers: headers,
            body: HTTPResponseBody(
                CurlResponseBodySequence(guardian: guardian),
                lengthHint: contentLength,
                collector: { maxBytes in
                    try await guardian.transfer.collectRemaining(upTo: maxBytes, lengthHint: contentLength)
                }
            ),
            httpVersion: head.version
        )
    }

    /// The next body chunk, `nil` at the end, or the error that ended the exchange.
    func nextChunk() async throws -> Data? {
        // Fast path: a chunk is already buffered.
        switch takeBuffered() {
        case .chunk(let chunk): return chunk
        case .end: return nil
        case .failed(let error): throw error
        case .empty: break
        }
        if Task.isCancelled {
            cancel(with: .transferCancelled)
            throw HTTPTransportError.transferCancelled
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Data?, any Error>) in
                let immediate: Result<Data?, HTTPTransportError>? = state.withLock { state in
                    if let chunk = state.popChunk() { return .success(chunk) }
                    switch state.outcome {
                    case .success: return .success(nil)
                    case .failure(let error): return .failure(error)
                    case nil:
                        state.bodyWaiter = continuation
                        return nil
                    }
                }
                if let immediate { continuation.resume(with: immediate) }
            }
        } onCancel: {
            cancel(with: .transferCancelled)
        }
    }

    /// Reads the rest of the body into one buffer: the write callback appends straight into it and the consumer
    /// wakes once, at the end. Memory is bounded by `maxBytes` instead of the buffer limit, since the caller asked
    /// for the whole body anyway.
    func collectRemaining(upTo maxBytes: Int, lengthHint: Int?) async throws -> Data {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Data, any Error>) in
                var wantsResume = false
                let immediate: Result<Data, HTTPTransportError>? = state.withLock { state in
                    var data = Data()
                    if let lengthHint, lengthHint > 0 { data.reserveCapacity(min(lengthHint, maxBytes)) }
                    while let chunk = state.popChunk() {
                        guard data.count + chunk.count <= maxBytes else { return .failure(.bodyTooLarge(limit: maxBytes)) }
                        data.append(chunk)
                    }
                    switch state.outcome {
                    case .success: return .success(data)
                    case .failure(let error): return .failure(error)
                    case nil:
                        state.collecting = true
                        state.collected = data
                        state.collectLimit = maxBytes
                        state.collectWaiter = continuation
                        if state.paused, !state.resumeRequested {
                            state.resumeRequested = true
                            wantsResume = true
                        }
                        return nil
                    }
                }
                if wantsResume { loop.submit(.resume(self)) }
                switch immediate {
                case .success(let data):
                    continuation.resume(returning: data)
                case .failure(let error):
                    if error.code == .bodyTooLarge { cancel(with: error) }
                    continuation.resume(throwing: error)
                case nil:
                    break
                }
            }
        } onCancel: {
            cancel(with: .transferCancelled)
        }
    }

    private enum Buffered {
        case chunk(Data)
        case end
        case failed(HTTPTransportError)
        case empty
    }

    private func takeBuffered() -> Buffered {
        var wantsResume = false
        let result: Buffered = state.withLock { state in
            if let chunk = state.popChunk() {
                if state.paused, !state.resumeRequested, state.bufferedBytes <= bufferLimit / 2 {
                    state.resumeRequested = true
                    wantsResume = true
                }
                return .chunk(chunk)
            }
            switch state.outcome {
            case .success: return .end
            case .failure(let error): return .failed(error)
            case nil:
                if state.paused, !state.resumeRequested {
                    state.resumeRequested = true
                    wantsResume = true
                }
                return .empty
            }
        }
        if wantsResume { _ = loop.submit(.resume(self)) }
        return result
    }

    /// Ends the exchange with `error` unless it already ended, wakes every waiter, and asks the multi thread to drop
    /// the handle. Safe from any thread.
    func cancel(with error: HTTPTransportError) {
        let waiters: Waiters? = state.withLock {
            state in
            guard state.outcome == nil else { return nil }
            state.outcome = .failure(error)
            state.chunks.removeAll()
            state.chunkStart = 0
            state.bufferedBytes = 0
            let head = state.headContinuation
            state.headContinuation = nil
            state.headDelivered = true
            let body = state.bodyWaiter
            state.bodyWaiter = nil
            let collector = state.collectWaiter
            state.collectWaiter = nil
            state.collecting = false
            state.collected = Data()
            return (head, body, collector)
        }
        guard let waiters else { return }
        _ = loop.submit(.remove(self))
        waiters.0?.resume(throwing: error)
        waiters.1?.resume(throwing: error)
        waiters.2?.resume(throwing: error)
    }

    // MARK: Multi thread side

    /// Hands the response head to the caller.
    func deliverHead(_ head: ReceivedHead) {
        let continuation: CheckedContinuation<ReceivedHead, any Error>? = state.withLock { state in
            guard !state.headDelivered else { return nil }
            state.headDelivered = true
            let continuation = state.headContinuation
            state.headContinuation = nil
            return continuation
        }
        continuation?.resume(returning: head)
    }

    /// Offers body bytes from the write callback. Small network reads are coalesced into chunks of up to
    /// `coalescingLimit` bytes while the consumer is busy, so a fast body costs few wake-ups and few copies.
    func deliverBody(_ bytes: UnsafeRawBufferPointer) -> Delivery {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return .accepted }
        let count = bytes.count
        let sizeHint = expectedRemaining ?? bytes.count
        let coalescingLimit = min(bufferLimit, Self.coalescingLimit)
        var tooLarge: (HTTPTransportError, CheckedContinuation<Data, any Error>?)?
        let outcome: (Delivery, CheckedContinuation<Data?, any Error>?, Int) = state.withLock { state in
            guard state.outcome == nil else { return (.abort, nil, 0) }
            if state.collecting {
                guard state.collected.count + bytes.count <= state.collectLimit else {
                    let error = HTTPTransportError.bodyTooLarge(limit: state.collectLimit)
                    state.outcome = .failure(error)
                    state.collecting = false
                    state.collected = Data()
                    tooLarge = (error, state.collectWaiter)
                    state.collectWaiter = nil
                    return (.abort, nil, 0)
                }
                state.collected.append(base, count: count)
                return (.accepted, nil, 0)
            }
            if let waiter = state.bodyWaiter {
                state.bodyWaiter = nil
                return (.accepted, waiter, 0)
            }
            if state.bufferedBytes > 0, state.bufferedBytes + bytes.count > bufferLimit {
                state.paused = true
                return (.pause, nil, 0)
            }
            let last = state.chunks.count - 1
            if last >= state.chunkStart, state.chunks[last].count + bytes.count <= coalescingLimit {
                state.chunks[last].append(base, count: count)
            } else {
                var chunk = Data(capacity: max(bytes.count, min(coalescingLimit, sizeHint)))
                chunk.append(base, count: count)
                state.chunks.append(chunk)
            }
            state.bufferedBytes += bytes.count
            return (.accepted, nil, state.bufferedBytes)
        }
        switch outcome.0 {
        case .pause:
            loop.statistics.recordPause()
        case .accepted:
            if let remaining = expectedRemaining { expectedRemaining = max(0, remaining - bytes.count) }
            if let waiter = outcome.1 {
                waiter.resume(returning: Data(bytes))
            } else {
                loop.statistics.recordBuffered(outcome.2)
            }
        case .abort:
            if let (error, collector) = tooLarge { collector?.resume(throwing: error) }
        }
        return outcome.0
    }

    /// The largest chunk the write callback builds by coalescing reads.
    static let coalescingLimit = 256 << 10

    /// Records how the exchange ended (unless it already ended) and wakes every waiter.
    func finish(_ result: Result<Void, HTTPTransportError>) {
        let waiters: FinishWaiters? = state.withLock { state in
            guard state.outcome == nil else { return nil }
            state.outcome = result
            let head = state.headContinuation
            state.headContinuation = nil
            state.headDelivered = true
            let body = state.bodyWaiter
            state.bodyWaiter = nil
            let collector = state.collectWaiter
            state.collectWaiter = nil
            let collected = state.collected
            state.collecting = false
            state.collected = Data()
            return (head, body, collector.map { ($0, collected) })
        }
        guard let waiters else { return }
        switch result {
        case .success:
            waiters.0?.resume(
                throwing: HTTPTransportError(code: .connectionReset, message: "the exchange ended without a response head")
            )
            waiters.1?.resume(returning: nil)
            if let (collector, data) = waiters.2 { collector.resume(returning: data) }
        case .failure(let error):
            waiters.0?.resume(throwing: error)
            waiters.1?.resume(throwing: error)
            waiters.2?.0.resume(throwing: error)
        }
    }

    /// Clears the pause flags before the multi thread resumes the transfer.
    func prepareResume() {
        pausedByBackpressure = false
        state.withLock { state in
            state.paused = false
            state.resumeRequested = false
        }
    }
}
