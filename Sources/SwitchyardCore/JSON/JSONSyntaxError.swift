/// Why a text is not JSON: what was wrong and where (byte offset, line and column).
///
/// ``description`` reads like `unexpected ',' at line 3 column 7; expected a value`.
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable kind of syntax error, for code that reacts to one kind.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The code's text, e.g. `unexpected_character`.
        public let rawValue: String

        /// Creates a code from its text.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// The code's text.
        public var description: String { rawValue }

        /// A byte that cannot start or continue the value at this point.
        public static let unexpectedCharacter = Code(rawValue: "unexpected_character")
        /// The text ends inside a value (or is empty).
        public static let unexpectedEnd = Code(rawValue: "unexpected_end")
        /// Something other than whitespace follows the value.
        public static let trailingCharacters = Code(rawValue: "trailing_characters")
        /// A number that breaks RFC 8259's grammar (`01`, `1.`, `.5`, `1e`, `+1`).
        public static let invalidNumber = Code(rawValue: "invalid_number")
        /// A number too large for a 64-bit floating-point value (`1e400`).
        public static let numberOutOfRange = Code(rawValue: "number_out_of_range")
        /// A backslash escape JSON does not define (`\x`, `\'`).
        public static let invalidEscape = Code(rawValue: "invalid_escape")
        /// A `\u` escape without four hex digits, or a surrogate without its pair.
        public static let invalidUnicodeEscape = Code(rawValue: "invalid_unicode_escape")
        /// A raw control character (below U+0020) inside a string.
        public static let controlCharacter = Code(rawValue: "control_character")
        /// Bytes inside a string that are not UTF-8.
        public static let invalidUTF8 = Code(rawValue: "invalid_utf8")
        /// Arrays and objects nested deeper than the reader's limit.
        public static let tooDeep = Code(rawValue: "too_deep")
    }

    /// The kind of error.
    public let code: Code
    /// What went wrong at ``offset``, e.g. `unexpected ','`.
    public let reason: String
    /// What the reader expected there, e.g. `a value`, or `nil`.
    public let expected: String?
    /// The 0-based byte offset of the offending byte (the text's length when it ended too early).
    public let offset: Int
    /// The 1-based line of ``offset``.
    public let line: Int
    /// The 1-based column of ``offset``, counted in Unicode scalars from the start of the line.
    public let column: Int

    /// Creates an error; ``JSONReader`` makes these.
    public init(code: Code, reason: String, expected: String? = nil, offset: Int, line: Int, column: Int) {
        self.code = code
        self.reason = reason
        self.expected = expected
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// One line, e.g. `unexpected ',' at line 3 column 7; expected a value`.
    public var description: String {
        var text = "\(reason) at line \(line) column \(column)"
        if let expected { text += "; expected \(expected)" }
        return text
    }
}
