import Foundation
import SwitchyardCore

/// Options one caller gives one request.
public struct RequestOptions: Sendable {
    /// An identifier for logs and the `x-request-id` header.
    public var requestID: String
    /// The overall deadline for all attempts together, waits included; `nil` uses the configuration's `timeouts.request`.
    /// The server fills it from the client's `X-Server-Timeout` header.
    public var timeout: Duration?

    /// Creates options.
    /// - Parameters:
    ///   - requestID: An identifier for logs; a new UUID by default.
    ///   - timeout: The overall deadline; `nil` uses the configured request timeout.
    public init(requestID: String = RequestID.make(), timeout: Duration? = nil) {
        self.requestID = requestID
        self.timeout = timeout
    }
}
