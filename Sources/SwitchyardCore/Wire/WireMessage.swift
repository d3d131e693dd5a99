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
///
/// A class, so that taking a field out of a message's table retains one reference; as a struct, each use copied its
/// name and six closures (seven retains and releases), which showed in every decode and encode.
public final class WireField<Message>: Sendable {
    /// The field's lowerCamel JSON name.
    public let name: String
    let decode: @Sendable (inout Message, KeyedDecodingContainer<AnyCodingKey>, AnyCodingKey) throws -> Void
    let encode: @Sendable (Message, inout KeyedEncodingContainer<AnyCodingKey>) throws -> Void
    /// Decodes the field straight from a ``JSONValue`` (the ``JSONValueDecoder`` fast path; `null` unsets it).
    let decodeValue: @Sendable (inout Message, JSONValue, CodingLocation) throws -> Void
    /// Reads the field from JSON text, the parser at its value (``WireDirectReading``): messages and arrays of them
    /// directly, other values through ``decodeValue``. The `Int` is how many arrays and objects enclose the value.
    let readValue: @Sendable (inout Message, inout JSONParser, CodingLocation, Int) throws -> Void
    /// Encodes the field straight to a ``JSONValue``, or `nil` when unset (the ``JSONValueEncoder`` fast path).
    let encodeValue: @Sendable (UnsafePointer<Message>, CodingPath) throws -> JSONValue?
    /// Writes `,"name":value` (no comma when `first`, which it then clears) when the field is set
    /// (``WireDirectWriting``).
    let writeValue: @Sendable (UnsafePointer<Message>, inout JSONOutput, CodingPath, inout Bool) throws -> Void

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
        // The fast paths reach a stored property through its offset: applying a key path to a value goes through
        // generic runtime code (metadata lookups, a copy of the whole message) and was most of the encoding time.
        // `MemoryLayout.offset(of:)` is `nil` for a property that is not stored inline; then the key path is used.
        let offset = MemoryLayout<Message>.offset(of: keyPath as PartialKeyPath<Message>)
        // Nested messages and arrays of them skip the Decoder/Encoder machinery (see WireDirectCoding).
        let directDecode = WireDirectCoding.decoder(for: Value.self)
        let directEncode = WireDirectCoding.encoder(for: Value.self)
        let assign: @Sendable (inout Message, Value?) -> Void = { message, decoded in
            if let offset {
                withUnsafeMutablePointer(to: &message) { pointer in
                    (UnsafeMutableRawPointer(pointer) + offset).assumingMemoryBound(to: Value?.self).pointee = decoded
                }
            } else {
                message[keyPath: keyPath] = decoded
            }
        }
        let decodeValue: @Sendable (inout Message, JSONValue, CodingLocation) throws -> Void = { message, value, location in
            let decoded: Value? =
                if case .null = value {
                    nil
                } else if let directDecode {
                    try directDecode(value, location)
                } else {
                    try ValueDecoder.decode(Value.self, from: value, at: location)
                }
            assign(&message, decoded)
        }
        self.decodeValue = decodeValue
        let directRead = WireDirectReading.reader(for: Value.self)
        self.readValue = { message, parser, location, depth in
            if let directRead, let decoded = try directRead(&parser, location, depth) {
                assign(&message, decoded)
            } else {
                try decodeValue(&message, try parser.parseValue(depth: depth), location)
            }
        }
        let stored: @Sendable (UnsafePointer<Message>) -> Value? = { message in
            if let offset {
                (UnsafeRawPointer(message) + offset).assumingMemoryBound(to: Value?.self).pointee
            } else {
                message.pointee[keyPath: keyPath]
            }
        }
        let directWrite = WireDirectWriting.writer(for: Value.self)
        self.writeValue = { message, output, parent, first in
            guard let stored = stored(message) else { return }
            if first {
                first = false
            } else {
                output.append(UInt8(ascii: ","))
            }
            JSONWriter.writeString(name, into: &output)
            output.append(UInt8(ascii: ":"))
            let location = CodingLocation(parent, .name(name))
            if let directWrite {
                try directWrite(stored, &output, location)
            } else if JSONWriter.writeValue(try ValueEncoder.encode(stored, at: location), into: &output) != nil {
                throw WireDirectWriting.Fallback()
            }
        }
        self.encodeValue = { message, parent in
            guard let stored = stored(message) else { return nil }
            if let directEncode { return try directEncode(stored, CodingLocation(parent, .name(name))) }
            return try ValueEncoder.encode(stored, at: CodingLocation(parent, .name(name)))
        }
    }
}

extension WireMessage {
    /// Decodes the message, accepting lowerCamel and snake_case names and keeping unknown fields.
    ///
    /// With ``JSONValueDecoder`` the object's members are read directly, in arrival order, without going through a
    /// keyed container; other decoders go through one.
    public init(from decoder: any Decoder) throws {
        self.init()
        if let direct = decoder as? ValueDecoder {
            try decodeMembers(direct)
            return
        }
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
        if let direct = encoder as? ValueEncoder {
            direct.store(try encodedMembers(at: direct.path))
            return
        }
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        for field in Self.wireFields {
            try field.encode(self, &container)
        }
        for member in unknownFields.members {
            try container.encode(member.value, forKey: AnyCodingKey(member.key))
        }
    }
}

extension WireMessage {
    /// The ``JSONValueDecoder`` fast path of ``init(from:)``: the same rules, straight from the object's members.
    private mutating func decodeMembers(_ decoder: ValueDecoder) throws {
        guard case .object(let object) = decoder.value else {
            _ = try decoder.container(keyedBy: AnyCodingKey.self)  // throws Foundation's error for a non-object
            return
        }
        try decodeMembers(of: object, at: decoder.path)
    }

    /// Decodes the members of `object`, which sits at `path`.
    mutating func decodeMembers(of object: JSONObject, at path: CodingPath) throws {
        let fields = Self.wireFields
        for member in object.members {
            let name = WireName.lowerCamel(member.key)
            // Indexing rather than `firstIndex(where:)`: handing each WireField to a predicate retained and released
            // its name and four closures, which was most of the decoding time.
            var match: Int?
            for index in fields.indices where fields[index].name == name {
                match = index
                break
            }
            if let match {
                try fields[match].decodeValue(&self, member.value, CodingLocation(path, .name(member.key)))
            } else {
                unknownFields[name] = member.value
            }
        }
    }

    /// The ``JSONValueEncoder`` fast path of ``encode(to:)``: known fields in order, then unknown ones; an unknown
    /// field named like a known one replaces its value in place.
    func encodedMembers(at path: CodingPath) throws -> JSONValue {
        // Indexing rather than `for field in`: copying each WireField out retained its name and four closures.
        let fields = Self.wireFields
        var members: [(key: String, value: JSONValue)] = []
        members.reserveCapacity(min(fields.count, 8) + unknownFields.members.count)
        try withUnsafePointer(to: self) { message in
            for index in fields.indices {
                if let value = try fields[index].encodeValue(message, path) { members.append((fields[index].name, value)) }
            }
        }
        for member in unknownFields.members {
            if let position = members.firstIndex(where: { $0.key == member.key }) {
                members[position].value = member.value
            } else {
                members.append(member)
            }
        }
        return .object(JSONObject(members))
    }
}
