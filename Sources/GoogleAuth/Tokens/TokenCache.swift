import Foundation
import Logging

/// One credential's access token: reused until shortly before it expires, refreshed by exactly one task at a time.
///
/// Modelled on soto's `ExpiringValue`. However many callers ask while no usable token is cached, they all wait for the
/// same single refresh. A refresh that fails is not remembered: its waiters get the error and the next caller starts
/// a new refresh. ``invalidate(_:)`` drops a token the API refused (HTTP 401).
actor TokenCache {
    private enum State {
        case empty
        case cached(AccessToken)
        case refreshing(id: UInt64, task: Task<AccessToken, any Error>)
    }

    /// google-auth's `REFRESH_THRESHOLD`: a token counts as expired 3 min 45 s before its expiry.
    static let defaultRefreshMargin: TimeInterval = 225

    private var state = State.empty
    private var refreshCount: UInt64 = 0
    private let refreshMargin: TimeInterval
    private let clock: AuthClock
    private let fetch: @Sendable (Logger) async throws -> AccessToken

    /// Creates an empty cache.
    /// - Parameters:
    ///   - refreshMargin: How long before expiry a token stops being reused.
    ///   - clock: The clock that decides whether a token is still fresh.
    ///   - fetch: Gets a new token; called by one task at a time.
    init(
        refreshMargin: TimeInterval = TokenCache.defaultRefreshMargin,
        clock: AuthClock,
        fetch: @escaping @Sendable (Logger) async throws -> AccessToken
    ) {
        self.refreshMargin = refreshMargin
        self.clock = clock
        self.fetch = fetch
    }

    /// A token that is fresh now, refreshing first if there is none.
    func token(logger: Logger) async throws -> AccessToken {
        switch state {
        case .cached(let token) where clock.now() < token.expiry.addingTimeInterval(-refreshMargin):
            return token
        case .refreshing(let id, let task):
            return try await awaitRefresh(id: id, task: task)
        case .cached, .empty:
            refreshCount += 1
            let id = refreshCount
            let fetch = self.fetch
            let task = Task { try await fetch(logger) }
            state = .refreshing(id: id, task: task)
            return try await awaitRefresh(id: id, task: task)
        }
    }

    /// Drops the cached token if it is the one the API refused; a newer token, or a refresh under way, is kept.
    func invalidate(_ rejectedValue: String) {
        if case .cached(let token) = state, token.value == rejectedValue {
            state = .empty
        }
    }

    private func awaitRefresh(id: UInt64, task: Task<AccessToken, any Error>) async throws -> AccessToken {
        do {
            let token = try await task.value
            if case .refreshing(let current, _) = state, current == id {
                state = .cached(token)
            }
            return token
        } catch {
            if case .refreshing(let current, _) = state, current == id {
                state = .empty
            }
            throw error
        }
    }
}
