import Foundation

/// `switchyard serve` on a free port, its port read from its "switchyard listening" log line.
struct ServeProcess {
    let background: BackgroundProcess
    let port: Int

    /// Starts `switchyard serve --config config --port 0` and waits until it logs the port it listens on.
    static func start(config: String, environment: [String: String] = [:]) async throws -> ServeProcess {
        let (background, portText) = try await BackgroundProcess.start(
            ["serve", "--config", config, "--host", "127.0.0.1", "--port", "0", "--grace-period", "5"],
            environment: environment
        ) { text -> String? in
            for line in text.split(separator: "\n") where line.contains("switchyard listening") {
                if let range = line.range(of: #"port=(\d+)"#, options: .regularExpression) {
                    return String(line[range].dropFirst("port=".count))
                }
            }
            return nil
        }
        return ServeProcess(background: background, port: Int(portText) ?? 0)
    }

    /// `http://127.0.0.1:<port>`.
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Stops it with SIGTERM.
    func stop() async {
        await background.stop()
    }
}
