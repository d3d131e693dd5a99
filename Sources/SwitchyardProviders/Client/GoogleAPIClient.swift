import Foundation
import GoogleAuth
import Logging
import SwitchyardCore
import SwitchyardHTTP

/// Sends one call to a Google API: adds the standard headers and authentication (with the 401 → refresh → retry-once
/// rule), derives timeouts and `X-Server-Timeout` from the call's deadline, and turns anything but HTTP 200 into a
/// ``SwitchyardError``.
struct GoogleAPIClient: Sendable {
    /// The configured provider name, for errors and logs.
    let providerName: String
    /// Produces `Authorization` or `x-goog-api-key` (and `x-goog-user-project`).
    let credentials: any CredentialSource
    /// Carries the bytes.
    let transport: any HTTPTransport
    /// Where calls are logged (never with secrets or bodies).
    let logger: Logger

    /// The client label sent as `x-goog-api-client` and `User-Agent`.
    static let clientLabel = "switchyard/0.1 gl-swift/6"
    /// The most bytes a non-streamed answer may have (inline images make answers large).
    static let maxBodyBytes = 256 << 20
    /// The most bytes of an error body that are read.
    static let maxErrorBodyBytes = 1 << 20

    /// Sends a request and returns the response once its status is 200; its body has not been read.
    /// - Throws: ``SwitchyardError`` for a non-200 answer (body parsed), a transport failure, credentials that could not
    ///   be obtained, or a deadline already passed.
    func send(
        method: HTTPMethod,
        url: String,
        body: Data?,
        context: ProviderCallContext,
        model: String?
    ) async throws(SwitchyardError) -> HTTPResponse {
        var headers: HTTPHeaders = [
            "Content-Type": "application/json",
            "User-Agent": Self.clientLabel,
            "x-goog-api-client": Self.clientLabel,
        ]
        var timeouts = HTTPTimeouts()
        if let deadline = context.deadline {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else {
                throw SwitchyardError(.timeout, "the call's deadline passed before it was sent", provider: providerName, model: model)
            }
            timeouts.total = remaining
            let seconds = Double(remaining.components.seconds) + Double(remaining.components.attoseconds) / 1e18
            headers.add(name: "X-Server-Timeout", value: String(Int(seconds.rounded(.up))))
        }
        let request = HTTPRequest(method: method, url: url, headers: headers, body: body, timeouts: timeouts)
        let response: HTTPResponse
        do {
            response = try await credentials.execute(request, on: transport, logger: logger)
        } catch {
            throw UpstreamErrorMapping.map(error, provider: providerName, model: model)
        }
        guard response.status == 200 else {
            let errorBody: Data
            do {
                errorBody = try await response.body.collect(upTo: Self.maxErrorBodyBytes)
            } catch {
                throw UpstreamErrorMapping.map(error, provider: providerName, model: model)
            }
            let failure = UpstreamErrorMapping.response(
                status: response.status,
                body: errorBody,
                headers: response.headers,
                provider: providerName,
                model: model
            )
            logger.debug(
                "upstream answered an error",
                metadata: [
                    "switchyard.provider": "\(providerName)",
                    "switchyard.model": "\(model ?? "")",
                    "switchyard.http_status": "\(response.status)",
                    "switchyard.request_id": "\(context.requestID)",
                ]
            )
            throw failure
        }
        return response
    }

    /// Sends a request and reads the whole 200 body.
    func sendAndCollect(
        method: HTTPMethod,
        url: String,
        body: Data?,
        context: ProviderCallContext,
        model: String?
    ) async throws(SwitchyardError) -> Data {
        let response = try await send(method: method, url: url, body: body, context: context, model: model)
        do {
            return try await response.body.collect(upTo: Self.maxBodyBytes)
        } catch {
            throw UpstreamErrorMapping.map(error, provider: providerName, model: model)
        }
    }
}
