import Foundation

/// A keyed container over a JSON object; `allKeys` lists members in arrival order.
struct KeyedValueContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let object: JSONObject
    let path: CodingPath
    /// Member positions by key, for objects too large to search linearly.
    private let positions: [String: Int]?

    init(object: JSONObject, path: CodingPath) {
        self.object = object
        self.path = path
        if object.members.count > 16 {
            var positions: [String: Int] = [:]
            positions.reserveCapacity(object.members.count)
            for (offset, member) in object.members.enumerated() where positions[member.key] == nil {
                positions[member.key] = offset
            }
            self.positions = positions
        } else {
            self.positions = nil
        }
    }

    var codingPath: [any CodingKey] { path.keys }

    var allKeys: [Key] {
        object.members.compactMap { Key(stringValue: $0.key) }
    }

    func contains(_ key: Key) -> Bool {
        member(key) != nil
    }

    @inline(__always)
    private func member(_ key: Key) -> JSONValue? {
        let name = key.stringValue
        if let positions {
            guard let offset = positions[name] else { return nil }
            return object.members[offset].value
        }
        for member in object.members where member.key == name { return member.value }
        return nil
    }

    private func required(_ key: Key) throws -> JSONValue {
        guard let value = member(key) else {
            throw DecodingError.keyNotFound(
                key,
                DecodingError.Context(codingPath: path.keys, debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\").")
            )
        }
        return value
    }

    private func location(_ key: Key) -> CodingLocation {
        CodingLocation(path, .name(key.stringValue))
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        if case .null = try required(key) { return true }
        return false
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try ValueUnwrap.bool(required(key), location(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try ValueUnwrap.string(required(key), location(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try ValueUnwrap.double(required(key), location(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try ValueUnwrap.float(required(key), location(key)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try ValueUnwrap.integer(type, required(key), location(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try ValueUnwrap.integer(type, required(key), location(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try ValueUnwrap.integer(type, required(key), location(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try ValueUnwrap.integer(type, required(key), location(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try ValueUnwrap.integer(type, required(key), location(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try ValueUnwrap.integer(type, required(key), location(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try ValueUnwrap.integer(type, required(key), location(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try ValueUnwrap.integer(type, required(key), location(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try ValueUnwrap.integer(type, required(key), location(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try ValueUnwrap.integer(type, required(key), location(key)) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try ValueDecoder.decode(type, from: required(key), at: location(key))
    }

    /// A missing member or `null` is `nil`, as with Foundation.
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = member(key) else { return nil }
        if case .null = value { return nil }
        return try ValueDecoder.decode(type, from: value, at: location(key))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try ValueDecoder(value: required(key), path: path.appending(.name(key.stringValue))).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try ValueDecoder(value: required(key), path: path.appending(.name(key.stringValue))).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        ValueDecoder(value: object["super"] ?? .null, path: path.appending(.name("super")))
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        ValueDecoder(value: member(key) ?? .null, path: path.appending(.name(key.stringValue)))
    }
}

/// An unkeyed container over a JSON array.
struct UnkeyedValueContainer: UnkeyedDecodingContainer {
    let elements: [JSONValue]
    let path: CodingPath
    private(set) var currentIndex = 0

    init(elements: [JSONValue], path: CodingPath) {
        self.elements = elements
        self.path = path
    }

    var codingPath: [any CodingKey] { path.keys }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private func next<T>(_ type: T.Type) throws -> JSONValue {
        guard currentIndex < elements.count else {
            throw DecodingError.valueNotFound(
                type,
                DecodingError.Context(
                    codingPath: path.keys(appending: .index(currentIndex)),
                    debugDescription: "Unkeyed container is at end."
                )
            )
        }
        return elements[currentIndex]
    }

    private var location: CodingLocation { CodingLocation(path, .index(currentIndex)) }

    mutating func decodeNil() throws -> Bool {
        if case .null = try next(Never.self) {
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try advance(ValueUnwrap.bool(next(type), location)) }
    mutating func decode(_ type: String.Type) throws -> String { try advance(ValueUnwrap.string(next(type), location)) }
    mutating func decode(_ type: Double.Type) throws -> Double { try advance(ValueUnwrap.double(next(type), location)) }
    mutating func decode(_ type: Float.Type) throws -> Float { try advance(ValueUnwrap.float(next(type), location)) }
    mutating func decode(_ type: Int.Type) throws -> Int { try advance(ValueUnwrap.integer(type, next(type), location)) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try advance(ValueUnwrap.integer(type, next(type), location)) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try advance(ValueUnwrap.integer(type, next(type), location)) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try advance(ValueUnwrap.integer(type, next(type), location)) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try advance(ValueUnwrap.integer(type, next(type), location)) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try advance(ValueUnwrap.integer(type, next(type), location)) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try advance(ValueUnwrap.integer(type, next(type), location)) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try advance(ValueUnwrap.integer(type, next(type), location)) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try advance(ValueUnwrap.integer(type, next(type), location)) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try advance(ValueUnwrap.integer(type, next(type), location)) }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try advance(ValueDecoder.decode(type, from: next(type), at: location))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try advance(ValueDecoder(value: next([String: Any].self), path: location.path).container(keyedBy: type))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try advance(ValueDecoder(value: next([Any].self), path: location.path).unkeyedContainer())
    }

    mutating func superDecoder() throws -> any Decoder {
        try advance(ValueDecoder(value: next(Any.self), path: location.path))
    }

    /// Moves past the element just decoded (only when it decoded, so a failed element is still current).
    private mutating func advance<T>(_ value: T) -> T {
        currentIndex += 1
        return value
    }
}
