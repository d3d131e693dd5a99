import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Switchyard

extension GatewayResponder {
    /// A 200 streaming answer. Its headers go out now (the router already has the first event); the body forwards
    /// events as they arrive, renders a later failure in the surface's shape, and finishes the request's observation
    /// when it ends. The client going away (noticed by `closeWatcher` even while waiting for the next event, or by a
    /// failed write) stops the loop, which drops the upstream stream and so aborts its transfer.
    func streamingResponse<Encoding: StreamEncoding>(
        _ stream: RoutedStream,
        encoding: Encoding,
        requestID: String,
        summary: RequestSummary,
        closeWatcher: ConnectionCloseWatcher?
    ) -> Response {
        var headers = Self.headers(requestID: requestID, trail: stream.trail, warnings: stream.warnings)
        headers[.contentType] = encoding.contentType
        headers[.cacheControl] = "no-cache"
        let observer = self.observer
        let logger = self.logger
        let body = ResponseBody { writer in
            var summary = summary
            var encoding = encoding
            let events = EventIterator(stream.events.makeAsyncIterator())
            do {
                while true {
                    let event: GenerateContentResponse?
                    do {
                        if let closeWatcher {
                            event = try await closeWatcher.cancellingOnClose { try await events.next() }
                        } else {
                            event = try await events.next()
                        }
                    } catch is CancellationError {
                        throw CancellationError()
                    } catch {
                        let failure = Self.streamFailure(error)
                        summary.streamFailed = true
                        summary.errorCode = failure.code
                        logger.warning(
                            "stream failed after the first event",
                            metadata: ["request.id": "\(requestID)", "error.code": "\(failure.code)", "error.message": "\(failure.message)"]
                        )
                        try await writer.write(ByteBuffer(bytes: encoding.encode(failure: failure)))
                        break
                    }
                    guard let event else {
                        if let tail = encoding.end() { try await writer.write(ByteBuffer(bytes: tail)) }
                        break
                    }
                    let frame: Data
                    do {
                        frame = try encoding.encode(event)
                    } catch {
                        let failure = Self.streamFailure(error)
                        summary.streamFailed = true
                        summary.errorCode = failure.code
                        try await writer.write(ByteBuffer(bytes: encoding.encode(failure: failure)))
                        break
                    }
                    if !frame.isEmpty { try await writer.write(ByteBuffer(bytes: frame)) }
                }
                try await writer.finish(nil)
            } catch {
                summary.cancelled = true
                summary.errorCode = SwitchyardError.Code.cancelled.rawValue
                observer.finish(summary)
                throw error
            }
            observer.finish(summary)
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    /// The error to show for a failure of a stream's iteration.
    static func streamFailure(_ error: any Error) -> ServerError {
        switch error {
        case let error as SwitchyardError: ServerError(error)
        case let error as RoutingError: ServerError(error.error)
        default: ServerError(SwitchyardError(.internal, "the stream failed: \(error)"))
        }
    }
}

/// Moves a stream's iterator into the child task that waits for the next event while the connection is watched.
///
/// Only one task uses it at a time: the writer awaits each `next()` before asking again.
private final class EventIterator: @unchecked Sendable {
    private var iterator: GenerateContentStream.AsyncIterator

    init(_ iterator: GenerateContentStream.AsyncIterator) {
        self.iterator = iterator
    }

    func next() async throws -> GenerateContentResponse? {
        try await iterator.next()
    }
}
