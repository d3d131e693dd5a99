import Foundation

/// The `openssl` command line, which the TLS test servers use to make their keys and certificates.
enum OpenSSLCommand {
    /// Runs `/usr/bin/openssl arguments...` with its output discarded and waits for it.
    /// - Throws: ``TestServerError`` when it cannot start or exits non-zero.
    static func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TestServerError("openssl \(arguments.first ?? "") failed") }
    }
}
