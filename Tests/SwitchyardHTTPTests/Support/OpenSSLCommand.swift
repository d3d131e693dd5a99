import Foundation

/// The `openssl` command line, which the TLS test servers use to make their keys and certificates.
enum OpenSSLCommand {
    /// Runs `/usr/bin/openssl arguments...` with its output discarded and waits for it to exit through its
    /// termination handler, so no thread of the cooperative pool is blocked.
    /// - Throws: ``TestServerError`` when it cannot start or exits non-zero.
    static func run(_ arguments: [String]) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let exit = ProcessExit(of: process)
        try process.run()
        guard await exit.status() == 0 else { throw TestServerError("openssl \(arguments.first ?? "") failed") }
    }
}
