import Foundation

/// Decodes any `Decodable` type from a ``JSONValue`` (or from JSON bytes, read with ``JSONReader``).
///
/// It behaves like Foundation's `JSONDecoder` where the wire model can tell: the same `DecodingError` cases with the
/// same coding paths and Foundation-style descriptions (so ``Swift/DecodingError/fieldMessage`` reads the same), `Int`
/// accepts integral numbers written as `1.0` or `1e3`, `Double` accepts integers. Where it differs:
/// - keyed containers list `allKeys` in the order the members arrived;
/// - a number that does not fit the requested type (`1.5` or `3000000000` for `Int32`) is a
///   `DecodingError.dataCorrupted` at the field's path ("expected an integer, got 1.5") instead of Foundation's
///   path-less "The given data was not valid JSON.";
/// - a ``JSONValue`` (a free-form field) is taken as it is, without walking it again;
/// - there are no date, data or key strategies: the wire model has no `Date` or `Data` fields (bytes are
///   ``Base64Payload`` strings) and handles its own key spellings.
///
/// Hand-written: a JSON library would provide a decoder over a parsed tree; none is among this machine's Swift
/// packages.
public struct JSONValueDecoder: Sendable {
    /// Creates a decoder.
    public init() {}

    /// Decodes a value of `type` from a parsed JSON value.
    /// - Throws: `DecodingError` naming the coding path of the offending field.
    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try ValueDecoder.decode(type, from: value, at: CodingLocation(.root))
    }

    /// Reads JSON bytes with `reader` and decodes a value of `type` from them.
    /// - Throws: `DecodingError.dataCorrupted` with an empty coding path and the ``JSONSyntaxError`` as its
    ///   underlying error when the bytes are not JSON; otherwise as ``decode(_:from:)-(_,JSONValue)``.
    public func decode<T: Decodable>(_ type: T.Type, from data: Data, reader: JSONReader = JSONReader()) throws -> T {
        // Wire messages are read straight from the text when it is in the shape that path handles; otherwise (and
        // for every error) through the tree below, so results and errors are the tree's.
        if let direct = data.withUnsafeBytes({ WireDirectReading.decode(type, from: $0, maximumDepth: reader.maximumDepth) }) {
            return direct
        }
        let value: JSONValue
        do {
            value = try reader.read(data)
        } catch {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: [], debugDescription: "The given data was not valid JSON.", underlyingError: error)
            )
        }
        return try decode(type, from: value)
    }
}
