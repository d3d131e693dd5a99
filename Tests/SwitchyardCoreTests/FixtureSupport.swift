import Foundation
import SwitchyardCore

/// Loads fixtures and compares JSON documents independent of member order and number spelling.
enum Fixture {
    static func data(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
            throw FixtureMissing(name: name)
        }
        return try Data(contentsOf: url)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        try JSONDecoder().decode(type, from: data(name))
    }

    struct FixtureMissing: Error {
        var name: String
    }
}

enum JSONText {
    /// Parses JSON into a canonical value: object members sorted by key, integral numbers as integers.
    static func canonical(_ data: Data) throws -> JSONValue {
        canonical(try JSONDecoder().decode(JSONValue.self, from: data))
    }

    static func canonical(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            return .object(JSONObject(object.members.sorted { $0.key < $1.key }.map { (key: $0.key, value: canonical($0.value)) }))
        case .array(let items):
            return .array(items.map(canonical))
        case .double(let number) where number.rounded() == number && abs(number) < 1e15:
            return .integer(Int64(number))
        default:
            return value
        }
    }

    static func encode<T: Encodable>(_ value: T) throws -> Data {
        try JSONEncoder().encode(value)
    }
}
