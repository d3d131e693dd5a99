import Foundation

/// Reads JSON text (RFC 8259) into a ``JSONValue``, keeping every object's members in the order they arrived.
///
/// The reader is strict: no trailing commas, comments, `NaN`/`Infinity`, single quotes or leading `+`; strings must
/// be UTF-8 without raw control characters; `\uXXXX` escapes must pair their surrogates. Objects and arrays may nest
/// ``maximumDepth`` levels deep; the parser keeps its own stack, so hostile nesting cannot exhaust the thread's.
///
/// - Objects: members keep arrival order. A repeated key keeps the position of its first occurrence and the value
///   of its last (`{"a":1,"b":2,"a":3}` reads as `{"a":3,"b":2}`).
/// - Numbers: an integer literal (no fraction, no exponent) that fits `Int64` becomes ``JSONValue/integer(_:)``;
///   every other number becomes ``JSONValue/double(_:)``, the nearest `Double` (so an integer beyond `Int64`,
///   like `18446744073709551615`, is kept only to 17 significant digits, as Foundation's decoder keeps it). `-0`
///   becomes `.double(-0.0)` so its sign survives (it is written back as `-0.0`). A number beyond `Double`'s range (`1e400`) is an error.
/// - Errors are ``JSONSyntaxError`` values with the byte offset, line and column.
///
/// Hand-written: a JSON library would provide this, but none is among this machine's Swift packages, and
/// Foundation's `JSONSerialization`/`JSONDecoder` lose member order on Linux.
public struct JSONReader: Sendable {
    /// How deep arrays and objects may nest; deeper input is ``JSONSyntaxError/Code/tooDeep``.
    public var maximumDepth: Int

    /// Creates a reader.
    /// - Parameter maximumDepth: How deep arrays and objects may nest (512 by default).
    public init(maximumDepth: Int = 512) {
        self.maximumDepth = maximumDepth
    }

    /// Reads one JSON value filling the whole of `data` (whitespace around it allowed).
    public func read(_ data: Data) throws(JSONSyntaxError) -> JSONValue {
        let result = data.withUnsafeBytes { buffer in
            Result { () throws(JSONSyntaxError) -> JSONValue in try read(buffer) }
        }
        return try result.get()
    }

    /// Reads one JSON value filling the whole of `bytes`.
    public func read(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONSyntaxError) -> JSONValue in try read(buffer) }
        }
        return try result.get()
    }

    /// Reads one JSON value filling the whole of `text`'s UTF-8.
    public func read(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        var text = text
        let result = text.withUTF8 { buffer in
            Result { () throws(JSONSyntaxError) -> JSONValue in try read(UnsafeRawBufferPointer(buffer)) }
        }
        return try result.get()
    }

    /// Reads one JSON value filling the whole of `buffer`.
    public func read(_ buffer: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> JSONValue {
        guard let base = buffer.baseAddress, !buffer.isEmpty else {
            throw JSONSyntaxError(
                code: .unexpectedEnd,
                reason: "unexpected end of input",
                expected: "a value",
                offset: 0,
                line: 1,
                column: 1
            )
        }
        var parser = JSONParser(base: base.assumingMemoryBound(to: UInt8.self), count: buffer.count, maximumDepth: maximumDepth)
        return try parser.parseDocument()
    }
}
