import Foundation

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

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("swy-tls-\(UUID().uuidString)")
        let hashed = directory.appendingPathComponent("ca")
        try FileManager.default.createDirectory(at: hashed, withIntermediateDirectories: true)
        certificatePath = directory.appendingPathComponent("cert.pem").path
        certificateDirectory = hashed.path
        let keyPath = directory.appendingPathComponent("key.pem").path
        try OpenSSLCommand.run([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", keyPath, "-out", certificatePath, "-days", "1",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ])
        try FileManager.default.copyItem(atPath: certificatePath, toPath: hashed.appendingPathComponent("cert.pem").path)
        try OpenSSLCommand.run(["rehash", hashed.path])

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = ["s_server", "-accept", "127.0.0.1:0", "-cert", certificatePath, "-key", keyPath, "-www"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        // s_server prints "ACCEPT 127.0.0.1:PORT" once it listens; read until then (a blocking read, not a sleep).
        var text = ""
        var found: Int?
        while found == nil {
            let data = output.fileHandleForReading.availableData
            guard !data.isEmpty else { break }
            text += String(decoding: data, as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("ACCEPT") }),
                let colon = line.lastIndex(of: ":")
            {
                found = Int(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }
        }
        guard let found else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw CocoaError(.fileReadUnknown)
        }
        port = found
        // Keep draining what s_server prints per connection, so it never blocks on a full pipe.
        output.fileHandleForReading.readabilityHandler = { handle in _ = handle.availableData }
    }

    deinit {
        // s_server ignores SIGTERM.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    var baseURL: String { "https://127.0.0.1:\(port)" }
}
