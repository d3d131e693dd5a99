/// A stream of partial `GenerateContentResponse`s, in arrival order.
///
/// Iterating throws a ``SwitchyardError`` when the backend sends an error event or the connection fails mid-stream;
/// a stream never ends silently on an error.
public struct GenerateContentStream: AsyncSequence, Sendable {
    /// One partial response.
    public typealias Element = GenerateContentResponse
    /// Always a ``SwitchyardError`` in practice.
    public typealias Failure = any Error

    private let makeIteratorBody: @Sendable () -> AsyncIterator

    /// Wraps any sendable sequence of responses.
    public init<Base: AsyncSequence & Sendable>(_ base: Base) where Base.Element == GenerateContentResponse {
        self.makeIteratorBody = {
            var iterator = base.makeAsyncIterator()
            return AsyncIterator { try await iterator.next(isolation: #isolation) }
        }
    }

    /// Iterates the responses.
    public func makeAsyncIterator() -> AsyncIterator {
        makeIteratorBody()
    }

    /// Pulls the next response.
    public struct AsyncIterator: AsyncIteratorProtocol {
        private var pull: () async throws -> GenerateContentResponse?

        /// Creates an iterator from a pull function.
        public init(pull: @escaping () async throws -> GenerateContentResponse?) {
            self.pull = pull
        }

        /// The next response, or `nil` at the end of the stream.
        public mutating func next() async throws -> GenerateContentResponse? {
            try await pull()
        }
    }
}
