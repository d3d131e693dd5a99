import Foundation

/// Aborts its transfer when the last reference goes away, so an abandoned body (never read, or an iterator
/// dropped half way) releases its connection instead of sitting paused.
final class CurlTransferGuard: Sendable {
    let transfer: CurlTransfer

    init(transfer: CurlTransfer) {
        self.transfer = transfer
    }

    deinit {
        transfer.cancel(with: .transferCancelled)
    }
}

/// A curl transfer's body as an asynchronous sequence of chunks, read once.
struct CurlResponseBodySequence: AsyncSequence, Sendable {
    typealias Element = Data

    /// Keeps the transfer alive while the response is held; dropping the response unread aborts it.
    let guardian: CurlTransferGuard

    func makeAsyncIterator() -> Iterator {
        Iterator(guardian: CurlTransferGuard(transfer: guardian.transfer))
    }

    /// Reads chunks; dropping the iterator before the end aborts the transfer.
    struct Iterator: AsyncIteratorProtocol {
        let guardian: CurlTransferGuard

        mutating func next() async throws -> Data? {
            try await guardian.transfer.nextChunk()
        }
    }
}
