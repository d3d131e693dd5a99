import Foundation

/// Splits a byte stream into server-sent events the way Google's SDK reads Gemini streams.
///
/// - Lines end at CR, LF or CRLF (a CR at the end of one chunk and an LF at the start of the next are one line end).
/// - `data: ` (or `data:`) lines add to the current event; several are joined with `\n`; a blank line ends the event.
/// - Comment lines (`:`) and `event:`, `id:`, `retry:` fields are ignored.
/// - Any other line is raw JSON that arrived outside SSE framing (a pretty-printed error body mid-stream):
///   it is buffered until its braces balance and then delivered as one event.
///
/// The parser is incremental: feed it chunks as they arrive, then call ``finish()``.
public struct ServerSentEventParser: Sendable {
    private var line: [UInt8] = []
    private var eventData: [UInt8] = []
    private var hasEventData = false
    private var rawJSON: [UInt8] = []
    private var rawDepth = 0
    private var rawInString = false
    private var rawEscaped = false
    private var lastByteWasCR = false
    /// The most bytes one event may hold before the stream is refused.
    public let maxEventBytes: Int

    /// Creates a parser.
    /// - Parameter maxEventBytes: The most bytes one event may hold (large enough for inline images).
    public init(maxEventBytes: Int = 256 << 20) {
        self.maxEventBytes = maxEventBytes
    }

    /// Feeds a chunk and returns the events it completed, in order.
    /// - Throws: ``ServerSentEventError`` when an event grows past ``maxEventBytes``.
    public mutating func feed(_ chunk: some Sequence<UInt8>) throws -> [Data] {
        var events: [Data] = []
        for byte in chunk {
            if lastByteWasCR {
                lastByteWasCR = false
                if byte == UInt8(ascii: "\n") { continue }
            }
            switch byte {
            case UInt8(ascii: "\r"):
                lastByteWasCR = true
                try endLine(into: &events)
            case UInt8(ascii: "\n"):
                try endLine(into: &events)
            default:
                line.append(byte)
                if line.count + eventData.count + rawJSON.count > maxEventBytes {
                    throw ServerSentEventError(message: "a stream event is larger than \(maxEventBytes) bytes")
                }
            }
        }
        return events
    }

    /// Ends the stream and returns any last event that was not followed by a blank line.
    public mutating func finish() throws -> [Data] {
        var events: [Data] = []
        if !line.isEmpty { try endLine(into: &events) }
        if hasEventData { events.append(takeEvent()) }
        if !rawJSON.isEmpty {
            events.append(Data(rawJSON))
            rawJSON.removeAll()
        }
        return events
    }

    private mutating func endLine(into events: inout [Data]) throws {
        defer { line.removeAll(keepingCapacity: true) }
        if !rawJSON.isEmpty || (line.first.map { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") } ?? false) {
            appendRaw(line, into: &events)
            return
        }
        if line.isEmpty {
            if hasEventData { events.append(takeEvent()) }
            return
        }
        if line.first == UInt8(ascii: ":") { return }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return }
        let field = line[..<colon]
        guard field.elementsEqual("data".utf8) else { return }
        var valueStart = line.index(after: colon)
        if valueStart < line.endIndex, line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
        if hasEventData { eventData.append(UInt8(ascii: "\n")) }
        eventData.append(contentsOf: line[valueStart...])
        hasEventData = true
    }

    private mutating func takeEvent() -> Data {
        let event = Data(eventData)
        eventData.removeAll(keepingCapacity: true)
        hasEventData = false
        return event
    }

    /// Collects raw JSON lines until the outermost braces close.
    private mutating func appendRaw(_ bytes: [UInt8], into events: inout [Data]) {
        if !rawJSON.isEmpty { rawJSON.append(UInt8(ascii: "\n")) }
        for byte in bytes {
            rawJSON.append(byte)
            if rawInString {
                if rawEscaped {
                    rawEscaped = false
                } else if byte == UInt8(ascii: "\\") {
                    rawEscaped = true
                } else if byte == UInt8(ascii: "\"") {
                    rawInString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): rawInString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): rawDepth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): rawDepth -= 1
            default: break
            }
        }
        if rawDepth <= 0 {
            events.append(Data(rawJSON))
            rawJSON.removeAll()
            rawDepth = 0
        }
    }
}

/// A stream that could not be read as server-sent events.
public struct ServerSentEventError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    /// A readable form, for logs and messages.
    public var description: String { message }
}

/// The events of a byte stream, one `Data` (the joined `data:` payload) per event.
public struct ServerSentEvents<Base: AsyncSequence & Sendable>: AsyncSequence, Sendable where Base.Element == Data {
    /// One event's payload.
    public typealias Element = Data

    private let base: Base
    private let maxEventBytes: Int

    /// Reads events from a byte stream.
    public init(_ base: Base, maxEventBytes: Int = 256 << 20) {
        self.base = base
        self.maxEventBytes = maxEventBytes
    }

    /// Iterates the events.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator(), parser: ServerSentEventParser(maxEventBytes: maxEventBytes))
    }

    /// Pulls events, reading more bytes as needed.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: Base.AsyncIterator
        var parser: ServerSentEventParser
        var pending: [Data] = []
        var finished = false

        /// The next event, or `nil` when the stream has ended.
        public mutating func next() async throws -> Data? {
            while pending.isEmpty {
                if finished { return nil }
                if let chunk = try await base.next(isolation: #isolation) {
                    pending = try parser.feed(chunk)
                } else {
                    finished = true
                    pending = try parser.finish()
                }
            }
            return pending.removeFirst()
        }
    }
}
