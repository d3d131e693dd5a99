import Foundation

/// A spinner with the elapsed time on stderr, drawn only when stderr is a terminal, so pipes and logs stay clean.
///
/// ```swift
/// let progress = ProgressIndicator.start("generating")
/// defer { progress.stop() }
/// ```
final class ProgressIndicator: Sendable {
    private let task: Task<Void, Never>?

    private init(task: Task<Void, Never>?) {
        self.task = task
    }

    /// Whether stderr is a terminal.
    static var isStandardErrorTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Starts drawing `label` with a spinner and the elapsed seconds; does nothing when stderr is not a terminal.
    static func start(_ label: String) -> ProgressIndicator {
        guard isStandardErrorTerminal else { return ProgressIndicator(task: nil) }
        let task = Task {
            let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
            let clock = ContinuousClock()
            let start = clock.now
            var frame = 0
            while !Task.isCancelled {
                let elapsed = start.duration(to: clock.now)
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                let line = "\r\(frames[frame % frames.count]) \(label) \(String(format: "%.1f", seconds))s"
                FileHandle.standardError.write(Data(line.utf8))
                frame += 1
                // Redraw interval of the animation, not synchronisation.
                try? await Task.sleep(for: .milliseconds(100))
            }
            FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
        }
        return ProgressIndicator(task: task)
    }

    /// Stops drawing and clears the line; waits until it is cleared.
    func stop() async {
        guard let task else { return }
        task.cancel()
        await task.value
    }
}
