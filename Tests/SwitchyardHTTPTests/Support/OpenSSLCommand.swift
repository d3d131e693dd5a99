import Foundation

/// The `openssl` command line, which the TLS test servers use to make their keys and certificates.
enum OpenSSLCommand {
    /// Runs `/usr/bin/openssl arguments...` with its output discarded and waits for it to exit, through its termination
    /// handler: no thread (least of all one of the cooperative pool's) is blocked while openssl generates a key.
    /// - Throws: ``TestServerError`` when it cannot start or exits non-zero.
    static func run(_ arguments: [String]) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let exit = ProcessExit(of: process)
        do {
            try process.run()
        } catch {
            throw TestServerError("openssl \(arguments.first ?? "") cannot start: \(error)")
        }
        guard await exit.status() == 0 else { throw TestServerError("openssl \(arguments.first ?? "") failed") }
    }
}
