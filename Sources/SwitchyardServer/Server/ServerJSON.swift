import Foundation
import SwitchyardCore

/// JSON coding for request and response bodies: compact, slashes unescaped (base64 and data URLs stay as they are),
/// object members in the order they arrived or were encoded (``JSONValueDecoder``/``JSONValueEncoder``).
enum ServerJSON {
    /// Encodes a value; the wire model and the surfaces' own types cannot fail to encode, so a failure is a bug and
    /// is reported as an `internal` error.
    static func encode<Value: Encodable>(_ value: Value) throws(SwitchyardError) -> Data {
        do {
            if let message = value as? any WireMessage { return try WireDirectWriting.data(message) }
            return try JSONValueEncoder().encodeToData(value)
        } catch {
            throw SwitchyardError(.internal, "could not encode the response: \(error)")
        }
    }

    /// Decodes a request body, turning any failure into an `invalidArgument` error naming the offending field.
    static func decode<Value: Decodable>(_ type: Value.Type, from body: Data) throws(SwitchyardError) -> Value {
        guard !body.isEmpty else {
            throw SwitchyardError(.invalidArgument, "the request body is empty; expected a JSON object")
        }
        do {
            return try JSONValueDecoder().decode(type, from: body)
        } catch {
            throw SwitchyardError(decoding: error)
        }
    }
}
