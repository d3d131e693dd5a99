import Foundation
import SwitchyardTestSupport

/// A real TLS server: `openssl s_server -www` on 127.0.0.1 (port 0) with a fresh self-signed certificate for
/// `127.0.0.1`/`localhost`. It answers `GET /` with OpenSSL's status page.
final class OpenSSLTestServer {
    let port: Int
    /// The PEM certificate the server presents (its own CA).
    let certificatePath: String
    /// A directory holding the certificate under its OpenSSL subject-hash name (for `CURLOPT_CAPATH`).
    let certificateDirectory: String
    private let process: Process
    private let directory: URL

    /// Makes a certificate, starts `openssl s_server` and waits (event-driven, off the cooperative pool) until it
    /// listens. Kills it again if anything fails on the way.
    init() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("swy-tls-\(UUID().uuidString)")
        let hashed = directory.appendingPathComponent("ca")
        try FileManager.default.createDirectory(at: hashed, withIntermediateDirectories: true)
        certificatePath = directory.appendingPathComponent("cert.pem").path
        certificateDirectory = hashed.path
        let keyPath = directory.appendingPathComponent("key.pem").path
        try await OpenSSLCommand.run([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", keyPath, "-out", certificatePath, "-days", "1",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ])
        try FileManager.default.copyItem(atPath: certificatePath, toPath: hashed.appendingPathComponent("cert.pem").path)
        try await OpenSSLCommand.run(["rehash", hashed.path])

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = ["s_server", "-accept", "127.0.0.1:0", "-cert", certificatePath, "-key", keyPath, "-www"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        // Collected as it arrives (on a reader thread, not the cooperative pool); also keeps draining what s_server
        // prints per connection, so it never blocks on a full pipe.
        let log = ServerLog()
        try process.run()
        PipeReader.start(output.fileHandleForReading, onData: { log.append($0) }, onEnd: { log.end() })
        self.process = process
        do {
            // s_server prints "ACCEPT 127.0.0.1:PORT" once it listens.
            try await log.wait(for: "the ACCEPT line") { Self.acceptedPort(in: $0) != nil }
            guard let found = Self.acceptedPort(in: log.text) else { throw TestServerError("no port in the ACCEPT line") }
            port = found
        } catch {
            kill(process.processIdentifier, SIGKILL)
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    deinit {
        // s_server ignores SIGTERM. Foundation reaps the process; nothing here waits for it (a deinit may run on the
        // cooperative pool).
        kill(process.processIdentifier, SIGKILL)
        try? FileManager.default.removeItem(at: directory)
    }

    /// The port of the first complete `ACCEPT 127.0.0.1:PORT` line in `text`.
    private static func acceptedPort(in text: String) -> Int? {
        guard let line = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().first(where: { $0.hasPrefix("ACCEPT") }),
            let colon = line.lastIndex(of: ":")
        else { return nil }
        return Int(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }

    var baseURL: String { "https://127.0.0.1:\(port)" }
}
