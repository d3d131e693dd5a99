/// A string enumeration defined by Google's servers, kept open: values Switchyard does not know decode and
/// re-encode unchanged.
///
/// Conforming types are structs holding `rawValue` with `static let` members for the known values. Values are kept
/// exactly as sent (Google sends upper case).
public protocol WireEnum: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible
where RawValue == String {
    /// Creates a value from its wire spelling; never fails.
    init(rawValue: String)
}

extension WireEnum {
    /// Creates a value from a string literal.
    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }

    /// Decodes the wire string, whatever it is.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(rawValue: try container.decode(String.self))
    }

    /// Encodes the wire string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The wire spelling.
    public var description: String { rawValue }
}
