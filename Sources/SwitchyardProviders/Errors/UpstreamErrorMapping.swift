import Foundation
import SwitchyardCore
import SwitchyardHTTP

/// Turns everything that can go wrong on the way to Google into a ``SwitchyardError`` with the provider and model.
enum UpstreamErrorMapping {
    /// The error for a non-200 answer: Google's error body (or a one-element list of one) parsed, `RetryInfo` or
    /// `Retry-After` read into `retryAfter`, a non-JSON body kept as `rawBody`.
    static func response(status: Int, body: Data, headers: HTTPHeaders, provider: String, model: String?) -> SwitchyardError {
        SwitchyardError(
            upstreamStatus: status,
            body: body,
            retryAfterHeader: headers["retry-after"],
            provider: provider,
            model: model
        )
    }

    /// The error for an `{"error":…}` object that arrived inside a 200 stream.
    static func streamEvent(_ body: GoogleErrorBody, raw: Data, provider: String, model: String?) -> SwitchyardError {
        var error = SwitchyardError(upstreamStatus: body.error.code ?? 500, body: raw, provider: provider, model: model)
        error.message = "the stream failed after it started: " + error.message
        return error
    }

    /// Any error thrown while calling: passes ``SwitchyardError`` through, maps transport errors by kind
    /// (timeouts → `timeout`, cancellation → `cancelled`, connection failures → `transport`), and wraps the rest.
    static func map(_ error: any Error, provider: String, model: String?) -> SwitchyardError {
        switch error {
        case var switchyard as SwitchyardError:
            if switchyard.provider == nil { switchyard.provider = provider }
            if switchyard.model == nil { switchyard.model = model }
            return switchyard
        case let transport as HTTPTransportError:
            return self.transport(transport, provider: provider, model: model)
        case is CancellationError:
            return SwitchyardError(.cancelled, "the call was cancelled", provider: provider, model: model)
        default:
            return CredentialErrorMapping.map(error, provider: provider, model: model)
                ?? SwitchyardError(.internal, "unexpected failure: \(error)", provider: provider, model: model)
        }
    }

    /// A transport failure by kind.
    static func transport(_ error: HTTPTransportError, provider: String, model: String?) -> SwitchyardError {
        let code: SwitchyardError.Code
        switch error.code {
        case .connectTimeout, .totalTimeout, .idleTimeout: code = .timeout
        case .cancelled: code = .cancelled
        case .bodyTooLarge: code = .upstream
        case .invalidRequest: code = .internal
        default: code = .transport
        }
        return SwitchyardError(code, "calling the upstream failed: \(error.description)", provider: provider, model: model)
    }
}
