import Foundation
import SwitchyardTestSupport
import Testing

/// A long-running `switchyard` subprocess (`serve`, `emulator`): started, awaited until its output shows it is ready
/// (no guessing, no polling), its output drained so it never blocks on a full pipe, and stopped with SIGTERM.
final class BackgroundProcess: @unchecked Sendable {
    // Unchecked: only the test that owns this object touches `process`.
    private let process = Process()
    private let output = Pipe()
    private let exited = AsyncStream<Void>.makeStream()

    /// Starts `switchyard arguments...` and waits until `ready` finds what it needs in the output so far.
    /// - Returns: The process and what `ready` returned (e.g. a URL or a port, as text).
    static func start(
        _ arguments: [String],
        environment: [String: String] = [:],
        timeout: Duration = .seconds(45),
        ready: @escaping @Sendable (String) -> String?
    ) async throws -> (BackgroundProcess, String) {
        let background = BackgroundProcess()
        let value = try await background.launch(arguments, environment: environment, timeout: timeout, ready: ready)
        return (background, value)
    }

    private func launch(
        _ arguments: [String],
        environment: [String: String],
        timeout: Duration,
        ready: @escaping @Sendable (String) -> String?
    ) async throws -> String {
        process.executableURL = CLIProcess.executable
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        variables.removeValue(forKey: "SWITCHYARD_HOST")
        variables.removeValue(forKey: "SWITCHYARD_PORT")
        for (name, value) in environment { variables[name] = value }
        process.environment = variables
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output

        let (chunks, continuation) = AsyncStream<Data>.makeStream()
        process.terminationHandler = { [exited] _ in exited.continuation.finish() }
        try process.run()
        // Read on a thread of its own to the end of the output, so the process never blocks on a full pipe; once it is
        // ready, `continuation` is finished and further chunks are dropped.
        PipeReader.start(output.fileHandleForReading, onData: { continuation.yield($0) }, onEnd: { continuation.finish() })

        enum Event: Sendable {
            case ready(String)
            case ended(String)
            case timedOut
        }
        let event = await withTaskGroup(of: Event.self) { group in
            group.addTask {
                var text = ""
                for await chunk in chunks {
                    text += String(decoding: chunk, as: UTF8.self)
                    if let value = ready(text) { return .ready(value) }
                }
                return .ended(text)
            }
            group.addTask {
                // A bound on the wait for readiness, not synchronisation.
                try? await Task.sleep(for: timeout)
                return .timedOut
            }
            let first = await group.next() ?? .timedOut
            group.cancelAll()
            return first
        }
        switch event {
        case .ready(let value):
            // The reader keeps draining the pipe; nobody needs the rest of the output.
            continuation.finish()
            return value
        case .ended(let text):
            await stop()
            Issue.record("switchyard \(arguments.first ?? "") ended before it was ready:\n\(text)")
            throw NotReady()
        case .timedOut:
            await stop()
            Issue.record("switchyard \(arguments.first ?? "") was not ready within \(timeout)")
            throw NotReady()
        }
    }

    /// Sends SIGTERM (if still running) and waits for the process to exit.
    func stop() async {
        if process.isRunning { process.terminate() }
        for await _ in exited.stream {}
    }

    /// The process ended or timed out before it was ready.
    struct NotReady: Error {}
}

/// A free TCP port on 127.0.0.1 for a subprocess to listen on.
///
/// It is taken **below the kernel's ephemeral range** (`/proc/sys/net/ipv4/ip_local_port_range`), so neither a
/// listener bound to port 0 nor the source port of an outgoing connection elsewhere in the suite can take it between
/// this check and the subprocess binding it (a port from binding port 0 could, and did, under load).
enum FreePort {
    static func take() throws -> Int {
        let ephemeralStart = Self.ephemeralRangeStart()
        let candidates = Array(10_000..<max(10_001, ephemeralStart)).shuffled()
        for port in candidates.prefix(200) where Self.canBind(port) {
            return port
        }
        throw POSIXError(.EADDRINUSE)
    }

    private static func ephemeralRangeStart() -> Int {
        let text = (try? String(contentsOfFile: "/proc/sys/net/ipv4/ip_local_port_range", encoding: .utf8)) ?? ""
        return text.split(whereSeparator: \.isWhitespace).first.flatMap { Int($0) } ?? 32_768
    }

    private static func canBind(_ port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        return bound == 0
    }
}
