import Foundation

/// The answer to an ``HTTPRequest``: status and headers at once, the body as it arrives.
public struct HTTPResponse: Sendable {
    /// The HTTP status code.
    public let status: Int
    /// The response header fields.
    public let headers: HTTPHeaders
    /// The body, as chunks in arrival order.
    public let body: HTTPResponseBody
    /// The protocol version the response arrived over (``HTTPVersion/http2`` when HTTP/2 was negotiated), or `nil`
    /// when the transport does not know it (e.g. a response built in memory).
    public let httpVersion: HTTPVersion?

    /// Creates a response.
    public init(status: Int, headers: HTTPHeaders, body: HTTPResponseBody, httpVersion: HTTPVersion? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.httpVersion = httpVersion
    }
}

/// A response body: an asynchronous sequence of byte chunks that can be read once.
public struct HTTPResponseBody: AsyncSequence, Sendable {
    /// A chunk of body bytes.
    public typealias Element = Data
    /// Any error from the transport.
    public typealias Failure = any Error

    private let makeBaseIterator: @Sendable () -> AsyncIterator
    /// The body's announced length (`Content-Length`), if known; lets ``collect(upTo:)`` allocate once.
    let lengthHint: Int?
    /// A transport's own way to read the rest of the body in one piece, if it has one.
    let collector: (@Sendable (_ maxBytes: Int) async throws -> Data)?

    /// Wraps any sendable sequence of chunks.
    public init<Base: AsyncSequence & Sendable>(_ base: Base) where Base.Element == Data {
        self.init(base, lengthHint: nil)
    }

    /// Wraps a sequence whose total length may be known in advance.
    init<Base: AsyncSequence & Sendable>(
        _ base: Base,
        lengthHint: Int?,
        collector: (@Sendable (_ maxBytes: Int) async throws -> Data)? = nil
    ) where Base.Element == Data {
        self.makeBaseIterator = {
            var iterator = base.makeAsyncIterator()
            return AsyncIterator { try await iterator.next(isolation: #isolation) }
        }
        self.lengthHint = lengthHint
        self.collector = collector
    }

    /// A body that is already complete.
    public static func bytes(_ data: Data) -> HTTPResponseBody {
        let chunks: [Data] = data.isEmpty ? [] : [data]
        return HTTPResponseBody(chunks.async)
    }

    /// Iterates the chunks.
    public func makeAsyncIterator() -> AsyncIterator {
        makeBaseIterator()
    }

    /// Reads the whole body.
    /// - Parameter maxBytes: The most bytes to accept.
    /// - Throws: ``HTTPTransportError`` with code `bodyTooLarge` past `maxBytes`, or any transport error.
    public func collect(upTo maxBytes: Int) async throws -> Data {
        if let collector { return try await collector(maxBytes) }
        var collected = Data()
        if let lengthHint, lengthHint > 0, lengthHint <= maxBytes {
            collected.reserveCapacity(lengthHint)
        }
        for try await chunk in self {
            guard collected.count + chunk.count <= maxBytes else {
                throw HTTPTransportError.bodyTooLarge(limit: maxBytes)
            }
            if collected.isEmpty, lengthHint == nil {
                collected = chunk  // no copy for a body that arrives in one piece
            } else {
                collected.append(chunk)
            }
        }
        return collected
    }

    /// Pulls the next chunk.
    public struct AsyncIterator: AsyncIteratorProtocol {
        private var pull: () async throws -> Data?

        init(pull: @escaping () async throws -> Data?) {
            self.pull = pull
        }

        /// The next chunk, or `nil` at the end of the body.
        public mutating func next() async throws -> Data? {
            try await pull()
        }
    }
}

extension Array where Element == Data {
    /// Chunks already in memory, as an asynchronous sequence.
    fileprivate var async: AsyncThrowingStream<Data, any Error> {
        AsyncThrowingStream { continuation in
            for chunk in self { continuation.yield(chunk) }
            continuation.finish()
        }
    }
}
