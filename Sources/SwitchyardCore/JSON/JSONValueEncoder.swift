import Foundation

/// Encodes any `Encodable` type as a ``JSONValue``, keeping object members in the order the type encodes them.
///
/// For a ``WireMessage`` that is the order of ``WireMessage/wireFields``, then ``WireMessage/unknownFields`` in
/// their stored order. Encoding the same key twice keeps the first position and the last value. A ``JSONValue``
/// is stored as it is. There are no date, data or key strategies (the wire model has no `Date` or `Data` fields;
/// bytes are ``Base64Payload`` strings). NaN and infinities throw `EncodingError.invalidValue`, as with Foundation.
///
/// Hand-written: a JSON library would provide an encoder to a tree; none is among this machine's Swift packages,
/// and Foundation's `JSONEncoder` writes members in hash order on Linux.
public struct JSONValueEncoder: Sendable {
    /// Creates an encoder.
    public init() {}

    /// The value as a ``JSONValue``.
    /// - Throws: `EncodingError.invalidValue` for NaN or an infinity, or whatever the value's own `encode(to:)` throws.
    public func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        try ValueEncoder.encode(value, at: CodingLocation(.root))
    }

    /// The value as compact JSON text (``encode(_:)`` then ``JSONWriter``).
    public func encodeToData<T: Encodable>(_ value: T) throws -> Data {
        try JSONWriter.data(encode(value))
    }
}
