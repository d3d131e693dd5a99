import Foundation
import SwitchyardHTTP

/// Saturation throughput from `wrk` (closed loop, `connections` connections, one thread), with its POST body in a
/// Lua script; `nil` when `wrk` is not installed.
struct Wrk {
    let executable: String
    let directory: URL

    static func locate(directory: URL) -> Wrk? {
        for path in ["/usr/bin/wrk", "/usr/local/bin/wrk"] where FileManager.default.isExecutableFile(atPath: path) {
            return Wrk(executable: path, directory: directory)
        }
        return nil
    }

    struct Result {
        var requestsPerSecond: Double
        var requests: Int
        var failures: Int
    }

    func run(_ target: Target, connections: Int, duration: Int) throws -> Result {
        var lua = "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n"
        for (name, value) in target.headers { lua += "wrk.headers[\"\(name)\"] = \"\(value)\"\n" }
        lua += "wrk.body = [==[" + String(decoding: target.body, as: UTF8.self) + "]==]\n"
        let script = directory.appendingPathComponent("post-\(target.label).lua")
        try lua.write(to: script, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-t1", "-c\(connections)", "-d\(duration)s", "--timeout", "5s", "-s", script.path, target.url]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        func number(after prefix: String) -> Double? {
            for line in output.split(separator: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix(prefix) {
                    return Double(trimmed.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
                }
            }
            return nil
        }
        guard let rate = number(after: "Requests/sec:") else { throw BenchFailure("wrk printed no rate:\n\(output)") }
        var failures = Int(number(after: "Non-2xx or 3xx responses:") ?? 0)
        if let errors = output.split(separator: "\n").first(where: { $0.contains("Socket errors:") }) {
            // "Socket errors: connect 0, read 0, write 0, timeout 0"
            failures += errors.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.reduce(0, +)
        }
        let requests =
            output.split(separator: "\n").first(where: { $0.contains("requests in") })
            .flatMap { Int($0.trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "") } ?? 0
        return Result(requestsPerSecond: rate, requests: requests, failures: failures)
    }
}
