import SwitchyardCore

/// A provider stream whose first event has been read; handed once from the attempt task to the caller.
final class PrimedStream: @unchecked Sendable {
    // Safety: created and filled by one attempt task, then moved (never shared) to the one consumer of the
    // ``RoutedStream``; `GenerateContentStream` is single-pass.
    var first: GenerateContentResponse?
    var iterator: GenerateContentStream.AsyncIterator

    init(first: GenerateContentResponse, iterator: GenerateContentStream.AsyncIterator) {
        self.first = first
        self.iterator = iterator
    }

    /// Opens a provider stream and reads its first event.
    /// - Throws: ``SwitchyardError`` when the stream fails or ends before its first event.
    static func open(
        _ stream: GenerateContentStream,
        provider: String,
        model: String
    ) async throws -> PrimedStream {
        var iterator = stream.makeAsyncIterator()
        guard let first = try await iterator.next() else {
            throw SwitchyardError(.upstream, "the stream ended before its first event", provider: provider, model: model)
        }
        return PrimedStream(first: first, iterator: iterator)
    }
}

/// The events of a ``PrimedStream``: the first one, then the rest as they arrive. A failure after the first event
/// is thrown as a ``SwitchyardError`` naming provider and model, and reported once through `onFailure`.
struct PrimedEvents: AsyncSequence, Sendable {
    typealias Element = GenerateContentResponse

    let primed: PrimedStream
    let provider: String
    let model: String
    let onFailure: @Sendable (SwitchyardError) async -> Void

    func makeAsyncIterator() -> Iterator {
        Iterator(events: self)
    }

    struct Iterator: AsyncIteratorProtocol {
        let events: PrimedEvents
        var finished = false

        mutating func next() async throws -> GenerateContentResponse? {
            if finished { return nil }
            let primed = events.primed
            if let first = primed.first {
                primed.first = nil
                return first
            }
            do {
                let next = try await primed.iterator.next()
                if next == nil { finished = true }
                return next
            } catch {
                finished = true
                var failure: SwitchyardError
                if let switchyardError = error as? SwitchyardError {
                    failure = switchyardError
                } else if error is CancellationError {
                    failure = SwitchyardError(.cancelled, "the stream was cancelled")
                } else {
                    failure = SwitchyardError(.transport, "the stream failed: \(error)")
                }
                if failure.provider == nil { failure.provider = events.provider }
                if failure.model == nil { failure.model = events.model }
                await events.onFailure(failure)
                throw failure
            }
        }
    }
}
