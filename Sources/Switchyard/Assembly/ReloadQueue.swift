import Synchronization

/// Runs reloads one at a time, in the order they were asked for.
final class ReloadQueue: Sendable {
    private let tail = Mutex<Task<Void, Never>?>(nil)

    /// Runs `body` after every earlier reload has finished.
    func run(_ body: @escaping @Sendable () async throws -> Void) async throws {
        let current = tail.withLock { tail -> Task<Result<Void, any Error>, Never> in
            let previous = tail
            let current = Task<Result<Void, any Error>, Never> {
                await previous?.value
                do {
                    try await body()
                    return .success(())
                } catch {
                    return .failure(error)
                }
            }
            tail = Task { _ = await current.value }
            return current
        }
        try await current.value.get()
    }
}
