import Foundation

/// A keyed container writing members into an ``ObjectBuilder`` in the order they are encoded.
struct KeyedValueEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let builder: ObjectBuilder
    let path: CodingPath

    var codingPath: [any CodingKey] { path.keys }

    private func location(_ key: Key) -> CodingLocation {
        CodingLocation(path, .name(key.stringValue))
    }

    mutating func encodeNil(forKey key: Key) { builder.set(key.stringValue, .null) }
    mutating func encode(_ value: Bool, forKey key: Key) { builder.set(key.stringValue, .bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) { builder.set(key.stringValue, .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        builder.set(key.stringValue, try ValueEncoder.double(value, at: location(key)))
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        builder.set(key.stringValue, try ValueEncoder.float(value, at: location(key)))
    }
    mutating func encode(_ value: Int, forKey key: Key) { builder.set(key.stringValue, .integer(Int64(value))) }
    mutating func encode(_ value: Int8, forKey key: Key) { builder.set(key.stringValue, .integer(Int64(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) { builder.set(key.stringValue, .integer(Int64(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) { builder.set(key.stringValue, .integer(Int64(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) { builder.set(key.stringValue, .integer(value)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws {
        builder.set(key.stringValue, try ValueEncoder.integer(value, at: location(key)))
    }
    mutating func encode(_ value: UInt8, forKey key: Key) { builder.set(key.stringValue, .integer(Int64(value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) { builder.set(key.stringValue, .integer(Int64(value))) }
    mutating func encode(_ value: UInt32, forKey key: Key) { builder.set(key.stringValue, .integer(Int64(value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws {
        builder.set(key.stringValue, try ValueEncoder.integer(value, at: location(key)))
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        builder.set(key.stringValue, try ValueEncoder.encode(value, at: location(key)))
    }

    /// `nil` is omitted, as with Foundation.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        guard let value else { return }
        builder.set(key.stringValue, try ValueEncoder.encode(value, at: location(key)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectBuilder()
        builder.setNested(key.stringValue, .object(nested))
        return KeyedEncodingContainer(KeyedValueEncodingContainer<NestedKey>(builder: nested, path: location(key).path))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = ArrayBuilder()
        builder.setNested(key.stringValue, .array(nested))
        return UnkeyedValueEncodingContainer(builder: nested, path: location(key).path)
    }

    mutating func superEncoder() -> any Encoder {
        SuperEncoder(path: path.appending(.name("super")), attach: { [builder] value in builder.set("super", value) })
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        SuperEncoder(path: location(key).path, attach: { [builder] value in builder.set(key.stringValue, value) })
    }
}

/// An unkeyed container appending elements to an ``ArrayBuilder``.
struct UnkeyedValueEncodingContainer: UnkeyedEncodingContainer {
    let builder: ArrayBuilder
    let path: CodingPath

    var codingPath: [any CodingKey] { path.keys }
    var count: Int { builder.count }

    private var location: CodingLocation { CodingLocation(path, .index(builder.count)) }

    mutating func encodeNil() { builder.append(.null) }
    mutating func encode(_ value: Bool) { builder.append(.bool(value)) }
    mutating func encode(_ value: String) { builder.append(.string(value)) }
    mutating func encode(_ value: Double) throws { builder.append(try ValueEncoder.double(value, at: location)) }
    mutating func encode(_ value: Float) throws { builder.append(try ValueEncoder.float(value, at: location)) }
    mutating func encode(_ value: Int) { builder.append(.integer(Int64(value))) }
    mutating func encode(_ value: Int8) { builder.append(.integer(Int64(value))) }
    mutating func encode(_ value: Int16) { builder.append(.integer(Int64(value))) }
    mutating func encode(_ value: Int32) { builder.append(.integer(Int64(value))) }
    mutating func encode(_ value: Int64) { builder.append(.integer(value)) }
    mutating func encode(_ value: UInt) throws { builder.append(try ValueEncoder.integer(value, at: location)) }
    mutating func encode(_ value: UInt8) { builder.append(.integer(Int64(value))) }
    mutating func encode(_ value: UInt16) { builder.append(.integer(Int64(value))) }
    mutating func encode(_ value: UInt32) { builder.append(.integer(Int64(value))) }
    mutating func encode(_ value: UInt64) throws { builder.append(try ValueEncoder.integer(value, at: location)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        builder.append(try ValueEncoder.encode(value, at: location))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nestedPath = location.path
        let nested = ObjectBuilder()
        builder.appendNested(.object(nested))
        return KeyedEncodingContainer(KeyedValueEncodingContainer<NestedKey>(builder: nested, path: nestedPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nestedPath = location.path
        let nested = ArrayBuilder()
        builder.appendNested(.array(nested))
        return UnkeyedValueEncodingContainer(builder: nested, path: nestedPath)
    }

    mutating func superEncoder() -> any Encoder {
        let position = builder.count
        builder.append(.null)
        return SuperEncoder(path: location.path, attach: { [builder] value in builder.replaceElement(at: position, with: value) })
    }
}

/// An encoder for `superEncoder()`: it writes its value into the parent container when it is released.
final class SuperEncoder: Encoder {
    private let inner: ValueEncoder
    private let attach: (JSONValue) -> Void

    init(path: CodingPath, attach: @escaping (JSONValue) -> Void) {
        self.inner = ValueEncoder(path: path)
        self.attach = attach
    }

    deinit {
        attach(inner.result)
    }

    var codingPath: [any CodingKey] { inner.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        inner.container(keyedBy: type)
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        inner.unkeyedContainer()
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        inner.singleValueContainer()
    }
}
