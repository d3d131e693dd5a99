import Foundation

/// Writes a wire message straight to JSON text, without building a ``JSONValue`` tree first.
///
/// The text is the one ``JSONValueEncoder`` then ``JSONWriter`` produce for the message: known fields in
/// ``WireMessage/wireFields`` order, omitted when unset, then unknown fields. A message with unknown fields, and any
/// value type written here only through the general encoder, go through the tree for that value. Anything the tree
/// path reports as an error (a non-finite number) makes the whole message go through the tree path, so the error
/// is the one it reports.
public enum WireDirectWriting {
    /// The message as compact JSON text.
    public static func data<Message: WireMessage>(_ message: Message) throws -> Data {
        var output = JSONOutput(capacity: 1024)
        do {
            try message.writeDirectly(into: &output, at: .root)
            return output.data()
        } catch is Fallback {
            return try JSONWriter.data(JSONValueEncoder().encode(message))
        }
    }

    /// Thrown where only the tree path can say what is wrong.
    struct Fallback: Error {}

    typealias Write<Value> = @Sendable (Value, inout JSONOutput, CodingLocation) throws -> Void

    /// The direct writer for `Value`, or `nil` to write it through the tree.
    static func writer<Value: Encodable & Sendable>(for type: Value.Type) -> Write<Value>? {
        if type == String.self {
            return { value, output, _ in JSONWriter.writeString(unsafeBitCast(value, to: String.self), into: &output) }
        }
        if type == Int.self {
            return { value, output, _ in JSONWriter.writeInteger(Int64(unsafeBitCast(value, to: Int.self)), into: &output) }
        }
        if type == Bool.self {
            return { value, output, _ in output.append(unsafeBitCast(value, to: Bool.self) ? "true" : "false") }
        }
        if type == Double.self {
            return { value, output, _ in
                let number = unsafeBitCast(value, to: Double.self)
                guard number.isFinite else { throw Fallback() }
                JSONWriter.writeDouble(number, into: &output)
            }
        }
        if type == JSONValue.self {
            return { value, output, _ in
                if JSONWriter.writeValue(unsafeBitCast(value, to: JSONValue.self), into: &output) != nil { throw Fallback() }
            }
        }
        if type == Base64Payload.self {
            return { value, output, _ in JSONWriter.writeString(unsafeBitCast(value, to: Base64Payload.self).standardBase64, into: &output) }
        }
        if let wireEnum = type as? any WireEnum.Type { return enumWriter(wireEnum, as: type) }
        if let message = type as? any WireMessage.Type { return messageWriter(message, as: type) }
        if let array = type as? any WireMessageArray.Type { return arrayWriter(array, as: type) }
        return nil
    }

    // As in WireDirectCoding, the bit casts only restate a type identity the caller's check proved.

    private static func enumWriter<Enum: WireEnum, Value: Encodable & Sendable>(_: Enum.Type, as _: Value.Type) -> Write<Value> {
        { value, output, _ in JSONWriter.writeString(unsafeBitCast(value, to: Enum.self).rawValue, into: &output) }
    }

    private static func messageWriter<Message: WireMessage, Value: Encodable & Sendable>(_: Message.Type, as _: Value.Type) -> Write<Value> {
        { value, output, location in try unsafeBitCast(value, to: Message.self).writeDirectly(into: &output, at: location.path) }
    }

    private static func arrayWriter<Array: WireMessageArray, Value: Encodable & Sendable>(_: Array.Type, as _: Value.Type) -> Write<Value> {
        { value, output, location in try unsafeBitCast(value, to: Array.self).writeDirectly(into: &output, at: location) }
    }
}

extension WireMessage {
    /// Writes the message as compact JSON (see ``WireDirectWriting``).
    func writeDirectly(into output: inout JSONOutput, at path: CodingPath) throws {
        guard unknownFields.isEmpty else {
            // Unknown fields may replace known ones in place: the tree path keeps that rule in one place.
            if JSONWriter.writeValue(try encodedMembers(at: path), into: &output) != nil { throw WireDirectWriting.Fallback() }
            return
        }
        output.append(UInt8(ascii: "{"))
        var first = true
        let fields = Self.wireFields
        try withUnsafePointer(to: self) { message in
            for index in fields.indices {
                try fields[index].writeValue(message, &output, path, &first)
            }
        }
        output.append(UInt8(ascii: "}"))
    }
}
