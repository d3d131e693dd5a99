/// Decoding of wire messages straight from JSON text, without building a ``JSONValue`` tree for the messages.
///
/// ``JSONValueDecoder`` reads the bytes into a tree and then walks it; for an answer of a few hundred bytes,
/// building and freeing the tree was about half of its decoding instructions (`perf`). Here objects that are wire
/// messages, and arrays of them, are read member by member into the message; every other value (strings,
/// numbers, enums, `JSONValue` fields, unknown fields) is read by the same parser into a ``JSONValue`` and handed
/// to the field's tree decoder, so it is decoded exactly as before.
///
/// The direct reading only takes input it reads the same way as the tree path. Anything else makes it give up,
/// and the caller decodes the whole input again through the tree, which reports the error or gives the result:
/// a syntax or decoding error anywhere, a value that is not the shape expected (a message that is not an object,
/// an array of messages holding something else), two keys of one object naming the same field (the tree keeps the
/// value of the last spelling that arrived first; see ``JSONReader``), or more nesting than the reader allows.
enum WireDirectReading {
    /// Why the direct reading gave up; never seen outside this file's callers, which fall back to the tree.
    struct GiveUp: Error {}

    /// Reads `Value` from the direct path when it is a wire message; `nil` when it is not one or when the direct
    /// reading gave up (the caller then decodes through the tree).
    static func decode<Value>(_ type: Value.Type, from buffer: UnsafeRawBufferPointer, maximumDepth: Int) -> Value? {
        guard let message = type as? any WireMessage.Type, let base = buffer.baseAddress, !buffer.isEmpty else {
            return nil
        }
        var parser = JSONParser(base: base.assumingMemoryBound(to: UInt8.self), count: buffer.count, maximumDepth: maximumDepth)
        return readDocument(message, from: &parser) as? Value
    }

    private static func readDocument<Message: WireMessage>(_: Message.Type, from parser: inout JSONParser) -> Message? {
        do {
            parser.skipWhitespace()
            var message = Message()
            try message.readMembers(from: &parser, at: .root, depth: 0)
            parser.skipWhitespace()
            return parser.isAtEnd ? message : nil
        } catch {
            return nil
        }
    }

    typealias Read<Value> = @Sendable (inout JSONParser, CodingLocation, Int) throws -> Value?

    /// The direct reader for `Value` when it is a wire message or an array of them: it reads the value when the
    /// parser is at `{` (a message) or `[` (an array), and returns `nil` otherwise without reading anything.
    static func reader<Value: Decodable & Sendable>(for type: Value.Type) -> Read<Value>? {
        if let message = type as? any WireMessage.Type { return messageReader(message, as: type) }
        if let array = type as? any WireMessageArray.Type { return arrayReader(array, as: type) }
        return nil
    }

    // `Message` and `Value` are the same type in each of these (the caller's cast proved it), so the bit casts
    // only restate what the type system could not carry through the existential.

    private static func messageReader<Message: WireMessage, Value: Decodable & Sendable>(_: Message.Type, as _: Value.Type) -> Read<Value> {
        { parser, location, depth in
            guard parser.nextByte == UInt8(ascii: "{") else { return nil }
            var message = Message()
            try message.readMembers(from: &parser, at: location.path, depth: depth)
            return unsafeBitCast(message, to: Value.self)
        }
    }

    private static func arrayReader<Array: WireMessageArray, Value: Decodable & Sendable>(_: Array.Type, as _: Value.Type) -> Read<Value> {
        { parser, location, depth in
            guard parser.nextByte == UInt8(ascii: "[") else { return nil }
            return unsafeBitCast(try Array.readDirectly(from: &parser, at: location, depth: depth), to: Value.self)
        }
    }

    /// The deepest nesting the direct reading follows before it leaves the input to the tree (which applies the
    /// reader's own limit); messages nest far less.
    static let depthLimit = 64
}

extension WireMessage {
    /// Reads an object's members into this message; the parser is at `{` and ends just past the matching `}`.
    /// `depth` is how many arrays and objects enclose the object.
    /// - Throws: ``WireDirectReading/GiveUp`` or the parser's or a field's error; the caller then uses the tree.
    mutating func readMembers(from parser: inout JSONParser, at path: CodingPath, depth: Int) throws {
        guard depth < WireDirectReading.depthLimit, parser.nextByte == UInt8(ascii: "{") else { throw WireDirectReading.GiveUp() }
        parser.advance()
        parser.skipWhitespace()
        if parser.nextByte == UInt8(ascii: "}") {
            parser.advance()
            return
        }
        let fields = Self.wireFields
        // Which known fields this object set, to give up on a second key naming one of them. A message with more
        // than 64 fields starts with every bit set, so its known fields always give up to the tree.
        var seen = fields.count <= 64 ? UInt64(0) : UInt64.max
        while true {
            let key = try parser.parseKey()
            let name = WireName.lowerCamel(key)
            var match: Int?
            for index in fields.indices where fields[index].name == name {
                match = index
                break
            }
            if let match {
                let bit = UInt64(1) << UInt64(match & 63)
                guard seen & bit == 0 else { throw WireDirectReading.GiveUp() }
                seen |= bit
                try fields[match].readValue(&self, &parser, CodingLocation(path, .name(key)), depth + 1)
            } else {
                guard unknownFields[name] == nil else { throw WireDirectReading.GiveUp() }
                unknownFields[name] = try parser.parseValue(depth: depth + 1)
            }
            if try parser.closes(UInt8(ascii: "}")) { return }
        }
    }
}

extension Array where Element: WireMessage {
    /// Reads an array of messages; the parser is at `[` and ends just past the matching `]`. `depth` is how many
    /// arrays and objects enclose the array.
    /// - Throws: ``WireDirectReading/GiveUp`` when an element is not an object, or a reading error.
    static func readDirectly(from parser: inout JSONParser, at location: CodingLocation, depth: Int) throws -> [Element] {
        guard depth < WireDirectReading.depthLimit else { throw WireDirectReading.GiveUp() }
        let path = location.path
        parser.advance()
        parser.skipWhitespace()
        var elements: [Element] = []
        if parser.nextByte == UInt8(ascii: "]") {
            parser.advance()
            return elements
        }
        while true {
            var element = Element()
            try element.readMembers(from: &parser, at: path.appending(.index(elements.count)), depth: depth + 1)
            elements.append(element)
            if try parser.closes(UInt8(ascii: "]")) { return elements }
        }
    }
}

extension JSONParser {
    /// After a member or an element: steps past `,` and the whitespace after it (`false`: another one follows) or
    /// past `closing` (`true`: the container ends).
    /// - Throws: ``WireDirectReading/GiveUp`` for anything else.
    fileprivate mutating func closes(_ closing: UInt8) throws -> Bool {
        skipWhitespace()
        switch nextByte {
        case UInt8(ascii: ","):
            advance()
            skipWhitespace()
            return false
        case closing:
            advance()
            return true
        default:
            throw WireDirectReading.GiveUp()
        }
    }
}
