import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Switchyard

extension GatewayResponder {
    /// A 200 streaming answer. Its headers go out now (the router already has the first event); the body forwards
    /// events as they arrive, renders a later failure in the surface's shape, and finishes the request's observation
    /// when it ends. The stream is read upstream by one task per stream (``EventRelay``), which the client going
    /// away cancels (noticed by `closeWatcher` even while waiting for the next event), aborting the upstream transfer;
    /// a failed write ends the loop and cancels it too.
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
            // One task reads the stream upstream (on the connection's event loop) and is cancelled when the client
            // closes; this task writes what it hands over.
            let relay = EventRelay()
            let events = stream.events
            let reader = Task(executorPreference: closeWatcher?.executor) {
                var iterator = events.makeAsyncIterator()
                while true {
                    let item: EventRelay.Item
                    do {
                        item = .success(try await iterator.next())
                    } catch {
                        item = .failure(error)
                    }
                    guard await relay.give(item), case .success(.some) = item else { return }
                }
            }
            let registration = closeWatcher?.onClose { reader.cancel() }
            if closeWatcher != nil, registration == nil { reader.cancel() }
            defer {
                relay.stop()
                reader.cancel()
                if let registration { closeWatcher?.removeOnClose(registration) }
            }
            do {
                while true {
                    let event: GenerateContentResponse?
                    do {
                        event = try await relay.take().get()
                    } catch {
                        if error is CancellationError || closeWatcher?.isClosed == true { throw CancellationError() }
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
