import Foundation
import GoogleAuth
import Synchronization

/// A wall clock that moves only when a test moves it.
final class ManualClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = Date()) {
        current = Mutex(start)
    }

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    var authClock: AuthClock {
        AuthClock { [self] in now }
    }
}
