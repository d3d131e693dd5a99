import Foundation

/// The `Encoder` behind ``JSONValueEncoder``. It is a class because containers handed out must write into it after
/// `container(keyedBy:)` returns; what it holds becomes a ``JSONValue`` when the value has finished encoding.
final class ValueEncoder: Encoder, SingleValueEncodingContainer {
    let path: CodingPath
    private var storage: Storage = .empty

    /// What has been encoded so far.
    enum Storage {
        case empty
        case value(JSONValue)
        case object(ObjectBuilder)
        case array(ArrayBuilder)
    }

    init(path: CodingPath) {
        self.path = path
    }

    var codingPath: [any CodingKey] { path.keys }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// Encodes `value`, which sits at `location`. Scalars and ``JSONValue`` become values directly; other types
    /// encode themselves into a fresh encoder. The `as!` casts cannot fail: each follows a check of `T`.
    static func encode<T: Encodable>(_ value: T, at location: CodingLocation) throws -> JSONValue {
        if T.self == JSONValue.self { return value as! JSONValue }
        if T.self == String.self { return .string(value as! String) }
        if T.self == Int.self { return .integer(Int64(value as! Int)) }
        if T.self == Bool.self { return .bool(value as! Bool) }
        if T.self == Double.self { return try double(value as! Double, at: location) }
        if T.self == Base64Payload.self { return .string((value as! Base64Payload).standardBase64) }
        let encoder = ValueEncoder(path: location.path)
        try value.encode(to: encoder)
        return encoder.result
    }

    static func double(_ number: Double, at location: CodingLocation) throws -> JSONValue {
        guard number.isFinite else {
            throw EncodingError.invalidValue(
                number,
                EncodingError.Context(codingPath: location.keys, debugDescription: "Unable to encode Double.\(number) directly in JSON.")
            )
        }
        return .double(number)
    }

    /// A `Float` as the `Double` its shortest spelling denotes, so `0.1` stays `0.1` rather than `0.10000000149011612`.
    static func float(_ number: Float, at location: CodingLocation) throws -> JSONValue {
        guard number.isFinite else {
            throw EncodingError.invalidValue(
                number,
                EncodingError.Context(codingPath: location.keys, debugDescription: "Unable to encode Float.\(number) directly in JSON.")
            )
        }
        return .double(Double(number.description) ?? Double(number))
    }

    static func integer<T: FixedWidthInteger>(_ number: T, at location: CodingLocation) throws -> JSONValue {
        if let exact = Int64(exactly: number) { return .integer(exact) }
        // Only UInt and UInt64 above Int64.max get here; JSON numbers have no such limit, JSONValue does.
        return .double(Double(number))
    }

    /// The encoded value; an encoder that was given nothing gives an empty object, as Foundation's does.
    var result: JSONValue {
        switch storage {
        case .empty: .object(JSONObject())
        case .value(let value): value
        case .object(let builder): builder.build()
        case .array(let builder): builder.build()
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let builder: ObjectBuilder
        if case .object(let existing) = storage {
            builder = existing
        } else {
            builder = ObjectBuilder()
            storage = .object(builder)
        }
        return KeyedEncodingContainer(KeyedValueEncodingContainer<Key>(builder: builder, path: path))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let builder: ArrayBuilder
        if case .array(let existing) = storage {
            builder = existing
        } else {
            builder = ArrayBuilder()
            storage = .array(builder)
        }
        return UnkeyedValueEncodingContainer(builder: builder, path: path)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        self
    }

    // MARK: SingleValueEncodingContainer

    private var location: CodingLocation { CodingLocation(path) }

    func encodeNil() { storage = .value(.null) }
    func encode(_ value: Bool) { storage = .value(.bool(value)) }
    func encode(_ value: String) { storage = .value(.string(value)) }
    func encode(_ value: Double) throws { storage = .value(try Self.double(value, at: location)) }
    func encode(_ value: Float) throws { storage = .value(try Self.float(value, at: location)) }
    func encode(_ value: Int) throws { storage = .value(.integer(Int64(value))) }
    func encode(_ value: Int8) throws { storage = .value(.integer(Int64(value))) }
    func encode(_ value: Int16) throws { storage = .value(.integer(Int64(value))) }
    func encode(_ value: Int32) throws { storage = .value(.integer(Int64(value))) }
    func encode(_ value: Int64) throws { storage = .value(.integer(value)) }
    func encode(_ value: UInt) throws { storage = .value(try Self.integer(value, at: location)) }
    func encode(_ value: UInt8) throws { storage = .value(.integer(Int64(value))) }
    func encode(_ value: UInt16) throws { storage = .value(.integer(Int64(value))) }
    func encode(_ value: UInt32) throws { storage = .value(.integer(Int64(value))) }
    func encode(_ value: UInt64) throws { storage = .value(try Self.integer(value, at: location)) }
    func encode<T: Encodable>(_ value: T) throws { storage = .value(try Self.encode(value, at: location)) }

    /// Stores a finished value (``JSONValue``'s own `encode(to:)` uses this to skip walking itself).
    func store(_ value: JSONValue) { storage = .value(value) }
}

/// An object being encoded: members in the order they were first encoded, plus nested containers still open.
final class ObjectBuilder {
    private var members: [(key: String, value: JSONValue)] = []
    /// Nested containers, by the position of their placeholder member.
    private var nested: [(position: Int, builder: Nested)] = []
    /// Member positions by key, once the object is too large to search linearly.
    private var positions: [String: Int]?

    enum Nested {
        case object(ObjectBuilder)
        case array(ArrayBuilder)
    }

    /// Sets a member; a key set before keeps its position.
    @discardableResult
    func set(_ key: String, _ value: JSONValue) -> Int {
        if let positions {
            if let position = positions[key] {
                members[position].value = value
                return position
            }
        } else {
            for position in members.indices where members[position].key == key {
                members[position].value = value
                return position
            }
        }
        let position = members.count
        members.append((key, value))
        if positions != nil {
            positions?[key] = position
        } else if members.count > 16 {
            var table: [String: Int] = [:]
            for (offset, member) in members.enumerated() { table[member.key] = offset }
            positions = table
        }
        return position
    }

    func setNested(_ key: String, _ builder: Nested) {
        let position = set(key, .null)
        nested.removeAll { $0.position == position }
        nested.append((position, builder))
    }

    func build() -> JSONValue {
        for (position, builder) in nested {
            switch builder {
            case .object(let object): members[position].value = object.build()
            case .array(let array): members[position].value = array.build()
            }
        }
        nested = []
        return .object(JSONObject(members))
    }
}

/// An array being encoded, plus nested containers still open.
final class ArrayBuilder {
    private(set) var elements: [JSONValue] = []
    private var nested: [(position: Int, builder: ObjectBuilder.Nested)] = []

    var count: Int { elements.count }

    func append(_ value: JSONValue) {
        elements.append(value)
    }

    func replaceElement(at position: Int, with value: JSONValue) {
        elements[position] = value
    }

    func appendNested(_ builder: ObjectBuilder.Nested) {
        nested.append((elements.count, builder))
        elements.append(.null)
    }

    func build() -> JSONValue {
        for (position, builder) in nested {
            switch builder {
            case .object(let object): elements[position] = object.build()
            case .array(let array): elements[position] = array.build()
            }
        }
        nested = []
        return .array(elements)
    }
}
