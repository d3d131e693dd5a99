import Foundation
import SwitchyardHTTP

#if canImport(Glibc)
import Glibc
#endif

/// A child process (the emulator or the gateway) with its output in a log file.
final class ChildProcess: @unchecked Sendable {
    let name: String
    let process: Process
    let startedAt: ContinuousClock.Instant

    init(name: String, executable: String, arguments: [String], logFile: URL) throws {
        self.name = name
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let log = try FileHandle(forWritingTo: logFile)
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        startedAt = .now
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    /// SIGTERM, then waits (bounded) for the exit; SIGKILL if it does not go.
    func stop() async {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = ContinuousClock.now + .seconds(10)
        while process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
        if process.isRunning { kill(pid, SIGKILL) }
    }

    /// User plus system CPU time the process has used so far (from `/proc/<pid>/stat`, 10 ms resolution).
    func cpuTime() -> Duration {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return .zero }
        // Fields after the command name: state is field 3, utime 14, stime 15.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Int(fields[11]), let system = Int(fields[12]) else { return .zero }
        let ticks = Int(sysconf(Int32(_SC_CLK_TCK)))
        return .milliseconds((user + system) * 1000 / max(1, ticks))
    }

    /// `VmRSS` and `VmHWM` from `/proc/<pid>/status`, in bytes.
    func memory() -> (rss: Int, peak: Int)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        var rss = 0
        var peak = 0
        for line in text.split(separator: "\n") {
            if line.hasPrefix("VmRSS:") { rss = Self.kilobytes(line) * 1024 }
            if line.hasPrefix("VmHWM:") { peak = Self.kilobytes(line) * 1024 }
        }
        return (rss, peak)
    }

    private static func kilobytes(_ line: Substring) -> Int {
        Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
    }
}

/// A free loopback TCP port (bound, read back, released).
func freePort() throws -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw BenchFailure("socket() failed") }
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0 else { throw BenchFailure("bind() failed") }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// Polls `url` every millisecond until it answers 200; returns the time since `since`.
func waitUntilOK(
    _ url: String,
    transport: CurlTransport,
    since: ContinuousClock.Instant,
    limit: Duration = .seconds(60)
) async throws
    -> Duration
{
    let deadline = since + limit
    while ContinuousClock.now < deadline {
        if let response = try? await transport.execute(HTTPRequest(method: .get, url: url)) {
            _ = try? await response.body.collect(upTo: 1 << 20)
            if response.status == 200 { return ContinuousClock.now - since }
        }
        try await Task.sleep(for: .milliseconds(1))
    }
    throw BenchFailure("\(url) did not answer 200 within \(limit)")
}

/// A failure that ends the run, with what went wrong.
struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
