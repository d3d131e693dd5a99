import CCurl
import Foundation
import Logging
import ServiceLifecycle

/// The production ``HTTPTransport``, on libcurl's multi interface.
///
/// One multi handle, driven by one dedicated thread (`curl_multi_poll` woken by `curl_multi_wakeup`), serves every
/// transfer; no request blocks a thread. Connections are reused, HTTP/2 is negotiated over TLS and multiplexed, and
/// each response body streams with bounded buffering: when the consumer falls behind by
/// ``Configuration/bodyBufferLimit`` bytes the transfer pauses until it catches up.
///
/// Call ``shutdown()`` when done, or run the transport as a ServiceLifecycle `Service`, which shuts it down on
/// graceful shutdown. In-flight exchanges then fail with `.shutdown`, as does any later ``execute(_:)``.
public final class CurlTransport: HTTPTransport, Service {
    /// The settings this transport was created with.
    public let configuration: Configuration
    private let loop: CurlMultiLoop
    /// Backpressure counters, for tests and diagnostics.
    var statistics: CurlLoopStatistics { loop.statistics }
    private let proxy: ResolvedProxy
    private let logger: Logger

    /// Creates a transport and starts its multi thread.
    /// - Parameters:
    ///   - configuration: Timeouts, connection limits, TLS and proxy settings.
    ///   - logger: Where failed exchanges are logged at debug level (method, scheme, host and error only).
    public init(configuration: Configuration = Configuration(), logger: Logger = Logger(label: "switchyard.http")) {
        self.configuration = configuration
        self.loop = CurlMultiLoop(configuration: configuration)
        self.proxy = ResolvedProxy(configuration.proxy)
        self.logger = logger
    }

    deinit {
        loop.beginShutdown()
    }

    /// Sends a request and returns once the final status line and headers have arrived (1xx heads are skipped).
    ///
    /// The body then streams through ``HTTPResponse/body``; a body that ends early throws from the sequence.
    /// Cancelling the calling task, or dropping the body unread, aborts the transfer.
    /// - Throws: ``HTTPTransportError``.
    public func execute(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard loop.isAccepting else { throw HTTPTransportError.transportShutdown }
        try Task.checkCancellation()
        let transfer = CurlTransfer(loop: loop, bufferLimit: configuration.bodyBufferLimit)
        do {
            try transfer.configure(for: request, configuration: configuration, proxy: proxy)
        } catch {
            transfer.releaseResources()
            throw error
        }
        do {
            return try await transfer.awaitResponse()
        } catch let error as HTTPTransportError {
            if logger.logLevel <= .debug {
                logger.debug(
                    "HTTP exchange failed",
                    metadata: [
                        "http.method": "\(request.method)",
                        "http.host": "\(Self.redactedOrigin(request.url))",
                        "error.code": "\(error.code)",
                    ]
                )
            }
            throw error
        }
    }

    /// Stops accepting requests, aborts in-flight exchanges with `.shutdown`, and waits for the multi thread to end.
    public func shutdown() async {
        loop.beginShutdown()
        await loop.waitForExit()
    }

    /// Runs until graceful shutdown is requested (or the task is cancelled), then calls ``shutdown()``.
    public func run() async throws {
        try? await gracefulShutdown()
        await shutdown()
    }

    /// `scheme://host[:port]` of a URL, without user info, path or query (which may hold keys).
    static func redactedOrigin(_ url: String) -> String {
        guard let components = URLComponents(string: url), let host = components.host else { return "?" }
        let port = components.port.map { ":\($0)" } ?? ""
        return "\(components.scheme ?? "?")://\(host)\(port)"
    }
}
