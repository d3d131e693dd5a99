import Foundation

/// A message of Google's JSON wire format, decoded as tolerantly as Google's own proto-JSON parsers.
///
/// A conforming struct lists its fields once in ``wireFields``; decoding and encoding come from this protocol:
/// - every field is accepted in lowerCamel or snake_case spelling (`inlineData` or `inline_data`), at every level;
/// - fields the struct does not know are kept in ``unknownFields`` under their lowerCamel name and re-emitted
///   verbatim, so a field Google adds tomorrow passes through untouched;
/// - encoding is always lowerCamel and omits fields that are `nil`.
public protocol WireMessage: Codable, Sendable, Hashable {
    /// Creates a message with every field unset.
    init()
    /// The known fields, in the order they are encoded.
    static var wireFields: [WireField<Self>] { get }
    /// Fields this type does not model, by lowerCamel name; their values are kept exactly as they arrived.
    var unknownFields: JSONObject { get set }
}

/// One known field of a ``WireMessage``: its lowerCamel JSON name and where it is stored.
public struct WireField<Message>: Sendable {
    /// The field's lowerCamel JSON name.
    public let name: String
    let decode: @Sendable (inout Message, KeyedDecodingContainer<AnyCodingKey>, AnyCodingKey) throws -> Void
    let encode: @Sendable (Message, inout KeyedEncodingContainer<AnyCodingKey>) throws -> Void

    /// Declares a field stored at `keyPath` under the lowerCamel JSON name `name`.
    public init<Value: Codable & Sendable>(_ name: String, _ keyPath: any WritableKeyPath<Message, Value?> & Sendable) {
        self.name = name
        let codingKey = AnyCodingKey(name)
        self.decode = { message, container, key in
            message[keyPath: keyPath] = try container.decodeIfPresent(Value.self, forKey: key)
        }
        self.encode = { message, container in
            try container.encodeIfPresent(message[keyPath: keyPath], forKey: codingKey)
        }
    }
}

extension WireMessage {
    /// Decodes the message, accepting lowerCamel and snake_case names and keeping unknown fields.
    public init(from decoder: any Decoder) throws {
        self.init()
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        let fields = Self.wireFields
        for key in container.allKeys {
            let name = WireName.lowerCamel(key.stringValue)
            if let field = fields.first(where: { $0.name == name }) {
                try field.decode(&self, container, key)
            } else {
                unknownFields[name] = try container.decode(JSONValue.self, forKey: key)
            }
        }
    }

    /// Encodes the known fields in lowerCamel, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        for field in Self.wireFields {
            try field.encode(self, &container)
        }
        for member in unknownFields.members {
            try container.encode(member.value, forKey: AnyCodingKey(member.key))
        }
    }
}
