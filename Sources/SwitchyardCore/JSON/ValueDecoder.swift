import Foundation

/// The `Decoder` behind ``JSONValueDecoder``: one JSON value and its coding path.
///
/// Scalars asked for by a container (`String`, `Int`, `Double`, `Bool`, ``JSONValue``, ``Base64Payload``) are read
/// straight from the value without making a nested decoder; a nested decoder (and a path node) is made only for
/// types that decode themselves.
struct ValueDecoder: Decoder, SingleValueDecodingContainer {
    let value: JSONValue
    let path: CodingPath

    var codingPath: [any CodingKey] { path.keys }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// Decodes `type` from `value`, which sits at `location`.
    /// The `as!` casts cannot fail: each follows a check that `T` is that very type.
    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, at location: CodingLocation) throws -> T {
        if T.self == JSONValue.self { return value as! T }
        if T.self == String.self { return try ValueUnwrap.string(value, location) as! T }
        if T.self == Int.self { return try ValueUnwrap.integer(Int.self, value, location) as! T }
        if T.self == Double.self { return try ValueUnwrap.double(value, location) as! T }
        if T.self == Bool.self { return try ValueUnwrap.bool(value, location) as! T }
        if T.self == Base64Payload.self { return try ValueUnwrap.base64(value, location) as! T }
        return try T(from: ValueDecoder(value: value, path: location.path))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = value else {
            if case .null = value {
                throw DecodingError.valueNotFound(
                    [String: Any].self,
                    DecodingError.Context(codingPath: codingPath, debugDescription: "Cannot get keyed decoding container -- found null value instead")
                )
            }
            throw ValueUnwrap.mismatch([String: Any].self, value, CodingLocation(path))
        }
        return KeyedDecodingContainer(KeyedValueContainer<Key>(object: object, path: path))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else {
            if case .null = value {
                throw DecodingError.valueNotFound(
                    [Any].self,
                    DecodingError.Context(
                        codingPath: codingPath,
                        debugDescription: "Cannot get unkeyed decoding container -- found null value instead"
                    )
                )
            }
            throw ValueUnwrap.mismatch([Any].self, value, CodingLocation(path))
        }
        return UnkeyedValueContainer(elements: elements, path: path)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        self
    }

    // MARK: SingleValueDecodingContainer

    func decodeNil() -> Bool {
        if case .null = value { return true }
        return false
    }

    func decode(_ type: Bool.Type) throws -> Bool { try ValueUnwrap.bool(value, location) }
    func decode(_ type: String.Type) throws -> String { try ValueUnwrap.string(value, location) }
    func decode(_ type: Double.Type) throws -> Double { try ValueUnwrap.double(value, location) }
    func decode(_ type: Float.Type) throws -> Float { try ValueUnwrap.float(value, location) }
    func decode(_ type: Int.Type) throws -> Int { try ValueUnwrap.integer(type, value, location) }
    func decode(_ type: Int8.Type) throws -> Int8 { try ValueUnwrap.integer(type, value, location) }
    func decode(_ type: Int16.Type) throws -> Int16 { try ValueUnwrap.integer(type, value, location) }
    func decode(_ type: Int32.Type) throws -> Int32 { try ValueUnwrap.integer(type, value, location) }
    func decode(_ type: Int64.Type) throws -> Int64 { try ValueUnwrap.integer(type, value, location) }
    func decode(_ type: UInt.Type) throws -> UInt { try ValueUnwrap.integer(type, value, location) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try ValueUnwrap.integer(type, value, location) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try ValueUnwrap.integer(type, value, location) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try ValueUnwrap.integer(type, value, location) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try ValueUnwrap.integer(type, value, location) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try Self.decode(type, from: value, at: location)
    }

    private var location: CodingLocation { CodingLocation(path) }
}
