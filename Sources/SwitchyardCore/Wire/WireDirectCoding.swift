/// Decoding and encoding of nested wire messages, and arrays of them, straight between ``JSONValue`` and the
/// message, without going through `Decoder`/`Encoder`.
///
/// Through the protocols, each nested message cost a decoder value copied into an existential, a dynamic cast back
/// to ``ValueDecoder``, and for arrays an unkeyed container per array and a generic call per element; retain and
/// release of that machinery was most of the time spent decoding an answer. The direct paths produce the same
/// values; whenever a value is not the shape they expect (not an object, an array holding something else), they
/// hand it to the general path, so every error is the one the general path reports.
enum WireDirectCoding {
    typealias Decode<Value> = @Sendable (JSONValue, CodingLocation) throws -> Value
    typealias Encode<Value> = @Sendable (Value, CodingLocation) throws -> JSONValue

    /// The direct decoder for `Value`, when it is a wire message or an array of them.
    static func decoder<Value: Decodable & Sendable>(for type: Value.Type) -> Decode<Value>? {
        if let message = type as? any WireMessage.Type { return messageDecoder(message, as: type) }
        if let array = type as? any WireMessageArray.Type { return arrayDecoder(array, as: type) }
        return nil
    }

    /// The direct encoder for `Value`, when it is a wire message or an array of them.
    static func encoder<Value: Encodable & Sendable>(for type: Value.Type) -> Encode<Value>? {
        if let message = type as? any WireMessage.Type { return messageEncoder(message, as: type) }
        if let array = type as? any WireMessageArray.Type { return arrayEncoder(array, as: type) }
        return nil
    }

    // `Message` and `Value` are the same type in each of these (the caller's cast proved it), so the bit casts
    // only restate what the type system could not carry through the existential.

    private static func messageDecoder<Message: WireMessage, Value: Decodable & Sendable>(_: Message.Type, as _: Value.Type) -> Decode<Value> {
        { value, location in
            guard case .object(let object) = value else { return try ValueDecoder.decode(Value.self, from: value, at: location) }
            var message = Message()
            try message.decodeMembers(of: object, at: location.path)
            return unsafeBitCast(message, to: Value.self)
        }
    }

    private static func messageEncoder<Message: WireMessage, Value: Encodable & Sendable>(_: Message.Type, as _: Value.Type) -> Encode<Value> {
        { value, location in
            try unsafeBitCast(value, to: Message.self).encodedMembers(at: location.path)
        }
    }

    private static func arrayDecoder<Array: WireMessageArray, Value: Decodable & Sendable>(_: Array.Type, as _: Value.Type) -> Decode<Value> {
        { value, location in
            guard let decoded = try Array.decodeDirectly(value, at: location) else {
                return try ValueDecoder.decode(Value.self, from: value, at: location)
            }
            return unsafeBitCast(decoded, to: Value.self)
        }
    }

    private static func arrayEncoder<Array: WireMessageArray, Value: Encodable & Sendable>(_: Array.Type, as _: Value.Type) -> Encode<Value> {
        { value, location in
            try unsafeBitCast(value, to: Array.self).encodedDirectly(at: location)
        }
    }
}

/// An array of wire messages, which ``WireDirectCoding`` decodes and encodes element by element.
protocol WireMessageArray: Sendable {
    /// The array, or `nil` when `value` is not an array of objects (the general path then decodes it again and
    /// reports the error).
    static func decodeDirectly(_ value: JSONValue, at location: CodingLocation) throws -> Self?
    /// The array as a JSON array.
    func encodedDirectly(at location: CodingLocation) throws -> JSONValue
    /// Writes the array as JSON text (see ``WireDirectWriting``).
    func writeDirectly(into output: inout JSONOutput, at location: CodingLocation) throws
    /// Reads the array from JSON text, the parser at `[` (see ``WireDirectReading``).
    static func readDirectly(from parser: inout JSONParser, at location: CodingLocation, depth: Int) throws -> Self
}

extension Array: WireMessageArray where Element: WireMessage {
    static func decodeDirectly(_ value: JSONValue, at location: CodingLocation) throws -> [Element]? {
        guard case .array(let elements) = value else { return nil }
        let path = location.path
        var decoded: [Element] = []
        decoded.reserveCapacity(elements.count)
        for index in elements.indices {
            guard case .object(let object) = elements[index] else { return nil }
            var message = Element()
            try message.decodeMembers(of: object, at: path.appending(.index(index)))
            decoded.append(message)
        }
        return decoded
    }

    func encodedDirectly(at location: CodingLocation) throws -> JSONValue {
        let path = location.path
        var encoded: [JSONValue] = []
        encoded.reserveCapacity(count)
        for index in indices {
            encoded.append(try self[index].encodedMembers(at: path.appending(.index(index))))
        }
        return .array(encoded)
    }

    func writeDirectly(into output: inout JSONOutput, at location: CodingLocation) throws {
        let path = location.path
        output.append(UInt8(ascii: "["))
        for index in indices {
            if index > startIndex { output.append(UInt8(ascii: ",")) }
            try self[index].writeDirectly(into: &output, at: path.appending(.index(index)))
        }
        output.append(UInt8(ascii: "]"))
    }
}
