import Foundation
import Testing

/// `switchyard serve` as a subprocess on a free port: started, its port read from its "listening" log line (no
/// guessing, no polling), and stopped with SIGTERM.
final class ServeProcess: @unchecked Sendable {
    // Unchecked: the process is only touched by the test that owns this object.
    let process = Process()
    private(set) var port = 0
    private let output = Pipe()
    private let exited = AsyncStream<Void>.makeStream()

    /// Starts `switchyard serve --config config --port 0` and waits until it logs the port it listens on.
    static func start(config: String, environment: [String: String] = [:], timeout: Duration = .seconds(45)) async throws -> ServeProcess {
        let server = ServeProcess()
        try await server.launch(config: config, environment: environment, timeout: timeout)
        return server
    }

    private func launch(config: String, environment: [String: String], timeout: Duration) async throws {
        process.executableURL = CLIProcess.executable
        process.arguments = ["serve", "--config", config, "--host", "127.0.0.1", "--port", "0", "--grace-period", "5"]
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
        output.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty {
                continuation.finish()
            } else {
                continuation.yield(data)
            }
        }
        process.terminationHandler = { [exited] _ in exited.continuation.finish() }
        try process.run()

        enum Event: Sendable { case port(Int, String), ended(String), timedOut }
        let event = await withTaskGroup(of: Event.self) { group in
            group.addTask {
                var text = ""
                for await chunk in chunks {
                    text += String(decoding: chunk, as: UTF8.self)
                    for line in text.split(separator: "\n") where line.contains("switchyard listening") {
                        if let range = line.range(of: #"port=(\d+)"#, options: .regularExpression),
                            let port = Int(line[range].dropFirst("port=".count))
                        {
                            return .port(port, text)
                        }
                    }
                }
                return .ended(text)
            }
            group.addTask {
                // A bound on the wait for the log line, not synchronisation.
                try? await Task.sleep(for: timeout)
                return .timedOut
            }
            let first = await group.next() ?? .timedOut
            group.cancelAll()
            return first
        }
        switch event {
        case .port(let port, _):
            self.port = port
            // Keep draining the pipe so the server never blocks on a full one.
            output.fileHandleForReading.readabilityHandler = { handle in _ = handle.availableData }
        case .ended(let text):
            Issue.record("switchyard serve ended before listening:\n\(text)")
            throw ServeFailed()
        case .timedOut:
            await stop()
            Issue.record("switchyard serve did not log its port within \(timeout)")
            throw ServeFailed()
        }
    }

    /// `http://127.0.0.1:<port>`.
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Sends SIGTERM and waits for the process to exit.
    func stop() async {
        if process.isRunning { process.terminate() }
        for await _ in exited.stream {}
        output.fileHandleForReading.readabilityHandler = nil
    }

    struct ServeFailed: Error {}
}
