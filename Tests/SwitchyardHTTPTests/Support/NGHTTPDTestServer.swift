import Foundation
import SwitchyardTestSupport

/// A real HTTP/2 server: `nghttpd` (from nghttp2) on 127.0.0.1, TLS with a fresh self-signed certificate for
/// `127.0.0.1`/`localhost`, serving the files given to ``start(files:)`` from a temporary document root.
///
/// It runs with `-v`, so its standard output is a log of every connection and frame. nghttpd flushes that log line by
/// line and, with one worker thread, writes it in order; ``log`` collects it as it arrives, so a test can wait for an
/// event on the server side instead of sleeping, and count the connections the server accepted.
///
/// nghttpd speaks only HTTP/2: a TLS client that does not offer `h2` in ALPN completes the handshake, is logged as
/// `Client did not advertise HTTP/2 protocol`, and is disconnected without an answer.
final class NGHTTPDTestServer {
    /// Where the nghttpd executable is, if it is installed (Debian's `nghttp2-server` puts it in /usr/sbin).
    static let executablePath: String? = ["/usr/sbin/nghttpd", "/usr/bin/nghttpd", "/usr/local/bin/nghttpd"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The port nghttpd listens on (it binds port 0; the port is read from the kernel's socket table).
    let port: Int
    /// The PEM certificate the server presents (its own CA), for `caFile`.
    let certificatePath: String
    /// Everything nghttpd has printed so far.
    let log: ServerLog
    private let process: Process
    private let directory: URL

    var baseURL: String { "https://127.0.0.1:\(port)" }

    /// Writes `files` (path relative to the document root → contents), makes a certificate, starts nghttpd and waits
    /// until it listens. Kills it again if anything fails on the way.
    init(files: [String: Data]) async throws {
        guard let executable = Self.executablePath else { throw TestServerError("nghttpd is not installed") }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("swy-h2-\(UUID().uuidString)")
        let htdocs = directory.appendingPathComponent("htdocs")
        try FileManager.default.createDirectory(at: htdocs, withIntermediateDirectories: true)
        for (path, contents) in files {
            let file = htdocs.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: file)
        }
        certificatePath = directory.appendingPathComponent("cert.pem").path
        let keyPath = directory.appendingPathComponent("key.pem").path
        try await OpenSSLCommand.run([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", keyPath, "-out", certificatePath, "-days", "1",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ])

        let log = ServerLog()
        self.log = log
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        // One worker (the default) keeps the log in event order. Port 0: the kernel picks a free port.
        process.arguments = ["-v", "--address=127.0.0.1", "--htdocs=\(htdocs.path)", "0", keyPath, certificatePath]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        PipeReader.start(output.fileHandleForReading, onData: { log.append($0) }, onEnd: { log.end() })
        self.process = process
        do {
            // nghttpd prints "IPv4: listen 127.0.0.1:0" once its socket listens; then the kernel knows the port.
            try await log.wait(for: "the listen line") { $0.contains("listen 127.0.0.1") }
            port = try await Self.probeListeningPort(of: process.processIdentifier)
        } catch {
            Self.stop(process)
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    deinit {
        Self.stop(process)
        try? FileManager.default.removeItem(at: directory)
    }

    /// Kills nghttpd. Foundation reaps it; nothing waits here, since a deinit may run on the cooperative pool.
    private static func stop(_ process: Process) {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    // MARK: Reading the log

    /// The TLS connections nghttpd accepted (it logs `SSL/TLS handshake completed` once per connection).
    func tlsConnectionCount() -> Int {
        log.text.components(separatedBy: "SSL/TLS handshake completed").count - 1
    }

    /// Every request nghttpd received: its session (one per connection), stream id and path, in arrival order.
    /// Parsed from lines such as `[id=1] [  0.590] recv (stream_id=3) :path: /index.html`.
    func receivedRequests() -> [(session: Int, stream: Int, path: String)] {
        log.text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("[id="), let pathRange = line.range(of: " :path: "),
                let streamRange = line.range(of: "recv (stream_id=")
            else { return nil }
            let session = Int(line.dropFirst(4).prefix { $0.isNumber })
            let stream = Int(line[streamRange.upperBound...].prefix { $0.isNumber })
            guard let session, let stream else { return nil }
            return (session, stream, String(line[pathRange.upperBound...]))
        }
    }

    /// The sessions (connections) nghttpd has closed, from lines such as `[id=1] [  0.553] closed`.
    func closedSessions() -> [Int] {
        Self.closedSessions(in: log.text)
    }

    static func closedSessions(in text: String) -> [Int] {
        text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("[id="), line.hasSuffix("] closed") else { return nil }
            return Int(line.dropFirst(4).prefix { $0.isNumber })
        }
    }

    // MARK: Start-up helpers

    /// Finds the TCP port of the socket `pid` listens on, from `/proc/<pid>/fd` (socket inodes) and `/proc/net/tcp`
    /// (state `0A` is LISTEN). Probes until it appears, for at most 10 seconds.
    private static func probeListeningPort(of pid: Int32) async throws -> Int {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            // Reading procfs is a blocking file read: done on a thread of its own.
            if let port = try await OffPool.run({ listeningPort(of: pid) }) { return port }
            try await Task.sleep(for: .milliseconds(5))  // probe interval, not synchronisation
        }
        throw TestServerError("nghttpd (pid \(pid)) has no listening socket after 10 s")
    }

    private static func listeningPort(of pid: Int32) -> Int? {
        let fdDirectory = "/proc/\(pid)/fd"
        guard let descriptors = try? FileManager.default.contentsOfDirectory(atPath: fdDirectory) else { return nil }
        var inodes = Set<Substring>()
        for descriptor in descriptors {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "\(fdDirectory)/\(descriptor)"),
                target.hasPrefix("socket:[")
            else { continue }
            inodes.insert(Substring(target.dropFirst("socket:[".count).dropLast()))
        }
        // Read to the end: `String(contentsOfFile:)` stops after the first read of a procfs file (its size is 0).
        guard let handle = FileHandle(forReadingAtPath: "/proc/net/tcp") else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.readToEnd() else { return nil }
        let table = String(decoding: data, as: UTF8.self)
        for row in table.split(separator: "\n").dropFirst() {
            let fields = row.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count > 9, fields[3] == "0A", inodes.contains(fields[9]),
                let colon = fields[1].lastIndex(of: ":"),
                let port = Int(fields[1][fields[1].index(after: colon)...], radix: 16)
            else { continue }
            return port
        }
        return nil
    }
}

/// A test server that could not be started or did not behave.
struct TestServerError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
