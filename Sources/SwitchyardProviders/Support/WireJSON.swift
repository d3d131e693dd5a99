import Foundation
import SwitchyardCore

/// JSON encoding and decoding of wire messages, with errors that never carry request or response contents.
enum WireJSON {
    /// Encodes a value compactly, without escaping `/` (base64 payloads are full of them), with members in the
    /// caller's order (``JSONValueEncoder`` then ``JSONWriter``), so the same request is the same bytes.
    static func encode(_ value: some Encodable) throws(SwitchyardError) -> Data {
        do {
            return try JSONValueEncoder().encodeToData(value)
        } catch {
            throw SwitchyardError(.internal, "could not encode a request body: \(error)")
        }
    }

    /// Decodes an upstream body; a body that is not the expected shape is an upstream error keeping the raw text.
    static func decodeUpstream<Value: Decodable>(
        _ type: Value.Type,
        from body: Data,
        what: String,
        provider: String,
        model: String?
    ) throws(SwitchyardError) -> Value {
        do {
            return try JSONValueDecoder().decode(type, from: body)
        } catch {
            throw malformed(body, what: what, reason: error, provider: provider, model: model)
        }
    }

    /// The error for a 200 answer whose body could not be read: retryable, with the raw body (cut to 4 KiB).
    static func malformed(_ body: Data, what: String, reason: any Error, provider: String, model: String?) -> SwitchyardError {
        let detail: String
        if let decoding = reason as? DecodingError {
            detail = decoding.fieldMessage
        } else {
            detail = "not JSON"
        }
        return SwitchyardError(
            .upstream,
            "the upstream answered HTTP 200 with a body that is not a valid \(what) (\(detail))",
            provider: provider,
            model: model,
            rawBody: String(decoding: body.prefix(4096), as: UTF8.self)
        )
    }
}
