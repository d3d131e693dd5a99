import Switchyard
import Synchronization

/// Hands a stream's events from the task that reads them upstream to the task that writes them to the client, one
/// at a time: the reader offers the next event only once the writer has taken the previous one.
///
/// The reader runs as one task per stream, which the client's close cancels; the writer waits here without a task of
/// its own. (Racing every event against the close as its own task cost a task per event.)
final class EventRelay: Sendable {
    typealias Item = Result<GenerateContentResponse?, any Error>

    private struct State {
        /// An event offered and not yet taken.
        var slot: Item?
        /// The writer, waiting for an event.
        var taker: CheckedContinuation<Item, Never>?
        /// The reader, waiting for its offer to be taken.
        var giver: CheckedContinuation<Bool, Never>?
        var stopped = false
    }

    private let state = Mutex(State())

    /// Offers the next item; returns once the writer took it (`true`) or stopped (`false`).
    func give(_ item: Item) async -> Bool {
        await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            enum Outcome {
                case stopped
                case handed(CheckedContinuation<Item, Never>)
                case queued
            }
            let outcome: Outcome = state.withLock { state in
                if state.stopped { return .stopped }
                if let taker = state.taker {
                    state.taker = nil
                    return .handed(taker)
                }
                state.slot = item
                state.giver = continuation
                return .queued
            }
            switch outcome {
            case .stopped:
                continuation.resume(returning: false)
            case .handed(let taker):
                taker.resume(returning: item)
                continuation.resume(returning: true)
            case .queued:
                break
            }
        }
    }

    /// The next item; a `CancellationError` failure once stopped (or when the calling task is cancelled).
    func take() async -> Item {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Item, Never>) in
                let ready: (Item, CheckedContinuation<Bool, Never>?)? = state.withLock { state in
                    if let item = state.slot {
                        state.slot = nil
                        let giver = state.giver
                        state.giver = nil
                        return (item, giver)
                    }
                    if state.stopped || Task.isCancelled {
                        state.stopped = true
                        return (.failure(CancellationError()), nil)
                    }
                    state.taker = continuation
                    return nil
                }
                if let (item, giver) = ready {
                    continuation.resume(returning: item)
                    giver?.resume(returning: true)
                }
            }
        } onCancel: {
            stop()
        }
    }

    /// Ends the hand-off: a waiting writer gets a `CancellationError`, a waiting reader `false`.
    func stop() {
        let (taker, giver) = state.withLock { state in
            state.stopped = true
            state.slot = nil
            defer {
                state.taker = nil
                state.giver = nil
            }
            return (state.taker, state.giver)
        }
        taker?.resume(returning: .failure(CancellationError()))
        giver?.resume(returning: false)
    }
}
