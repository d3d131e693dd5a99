import Foundation
import SwitchyardCore
import SwitchyardHTTP

/// The partial responses of a `:streamGenerateContent?alt=sse` body, decoded one event at a time as bytes arrive.
///
/// Never ends silently on a failure: an `{"error":…}` event (SSE-framed or raw JSON), an undecodable event, a
/// transport failure, or a body that ends before any chunk carried a finish reason (or a prompt block) throws a
/// ``SwitchyardError``. When images were required and the stream ends for a safety reason without one, it throws
/// `safetyBlocked`.
struct GenerateContentEventStream: AsyncSequence, Sendable {
    typealias Element = GenerateContentResponse

    let body: HTTPResponseBody
    let provider: String
    let model: String
    /// Whether the request asked for images (`IMAGE` in `responseModalities`); only then is the safety check made.
    let imagesRequested: Bool
    /// Whether the request asked for images only.
    let imagesRequired: Bool

    func makeAsyncIterator() -> Iterator {
        Iterator(events: ServerSentEvents(body).makeAsyncIterator(), stream: self)
    }

    struct Iterator: AsyncIteratorProtocol {
        var events: ServerSentEvents<HTTPResponseBody>.AsyncIterator
        let stream: GenerateContentEventStream
        var finished = false
        var ended = false
        var sawImage = false
        var sawContent = false

        init(events: ServerSentEvents<HTTPResponseBody>.AsyncIterator, stream: GenerateContentEventStream) {
            self.events = events
            self.stream = stream
        }

        mutating func next() async throws -> GenerateContentResponse? {
            guard !ended else { return nil }
            do {
                while true {
                    guard let event = try await events.next() else {
                        ended = true
                        guard finished else {
                            throw SwitchyardError(
                                .transport,
                                "the stream ended before the model finished (no chunk carried a finish reason)",
                                provider: stream.provider,
                                model: stream.model
                            )
                        }
                        return nil
                    }
                    if event.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { continue }
                    return try decode(event)
                }
            } catch {
                ended = true
                throw UpstreamErrorMapping.map(error, provider: stream.provider, model: stream.model)
            }
        }

        private mutating func decode(_ event: Data) throws(SwitchyardError) -> GenerateContentResponse {
            if Self.looksLikeError(event), let error = GoogleErrorBody.parse(event) {
                throw UpstreamErrorMapping.streamEvent(error, raw: event, provider: stream.provider, model: stream.model)
            }
            let chunk = ResponseNormalizer.normalize(
                try WireJSON.decodeUpstream(
                    GenerateContentResponse.self,
                    from: event,
                    what: "stream event",
                    provider: stream.provider,
                    model: stream.model
                )
            )
            let candidates = chunk.candidates ?? []
            let parts = candidates.flatMap { $0.content?.parts ?? [] }
            sawImage = sawImage || parts.contains(where: ImageOutcome.isImage)
            sawContent = sawContent || !parts.isEmpty
            let reasons = candidates.compactMap(\.finishReason)
            let blockReason = candidates.isEmpty ? chunk.promptFeedback?.blockReason : nil
            if !reasons.isEmpty || blockReason != nil {
                finished = true
                if stream.imagesRequested,
                    let failure = ImageOutcome.safetyFailure(
                        finishReasons: reasons,
                        finishMessages: candidates.compactMap(\.finishMessage),
                        blockReason: stream.imagesRequired ? blockReason : nil,
                        sawImage: sawImage,
                        sawContent: sawContent,
                        imagesRequired: stream.imagesRequired,
                        provider: stream.provider,
                        model: stream.model
                    )
                {
                    throw failure
                }
            }
            return chunk
        }

        /// Whether an event's first member is `error` (or it is a list), checked without decoding the whole event.
        static func looksLikeError(_ event: Data) -> Bool {
            var index = event.startIndex
            func skipSpace() {
                while index < event.endIndex, [0x20, 0x0A, 0x0D, 0x09].contains(event[index]) { index += 1 }
            }
            skipSpace()
            guard index < event.endIndex else { return false }
            if event[index] == UInt8(ascii: "[") { return true }
            guard event[index] == UInt8(ascii: "{") else { return false }
            index += 1
            skipSpace()
            return event[index...].starts(with: Array("\"error\"".utf8))
        }
    }
}
