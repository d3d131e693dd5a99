import ArgumentParser
import Foundation
import Logging
import Switchyard

/// `switchyard health`: GET a URL over libcurl; exit 0 on 200. The Docker image's HEALTHCHECK (it has no curl binary).
struct HealthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: "GET a health URL and exit 0 when it answers 200 (the Docker HEALTHCHECK; the image has no curl).",
        discussion: """
            Prints the status and the first line of the body. Exits 0 on 200, 4 on any other status or when the \
            server cannot be reached within --timeout seconds.

            EXAMPLES:
              switchyard health
              switchyard health --url http://127.0.0.1:8080/readyz
            """
    )

    @Option(name: .long, help: "The URL to GET.")
    var url = "http://127.0.0.1:8080/healthz"

    @Option(name: .long, help: "Seconds to wait for the answer.")
    var timeout = 5

    @Flag(name: .shortAndLong, help: "Log the transfer to stderr.")
    var verbose = false

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds") }
        guard let scheme = URL(string: url)?.scheme, ["http", "https"].contains(scheme.lowercased()) else {
            throw ValidationError("--url must be an http:// or https:// URL")
        }
    }

    func run() async throws {
        try await CommandRunner.run("health", logLevel: verbose ? .debug : .warning) { () throws(CLIFailure) in
            let transport = CurlTransport(logger: CLILogging.logger("switchyard.http", level: verbose ? .debug : .warning))
            let result = await Self.probe(url: url, timeout: .seconds(timeout), transport: transport)
            await transport.shutdown()
            let (status, line) = try result.get()
            Console.line("\(status) \(line)")
            guard status == 200 else {
                throw CLIFailure("\(url) answered \(status), not 200", hint: "the gateway is up but not healthy", exitCode: CLIExitCode.checkFailed)
            }
        }
    }

    /// The status and the body's first line (at most 200 characters).
    static func probe(url: String, timeout: Duration, transport: CurlTransport) async -> Result<(Int, String), CLIFailure> {
        do {
            let request = HTTPRequest(method: .get, url: url, timeouts: HTTPTimeouts(connect: timeout, total: timeout))
            let response = try await transport.execute(request)
            let body = try await response.body.collect(upTo: 64 << 10)
            let line = String(decoding: body, as: UTF8.self).split(separator: "\n").first.map { String($0.prefix(200)) } ?? ""
            return .success((response.status, line))
        } catch {
            return .failure(
                CLIFailure(
                    "cannot GET \(url): \(error)",
                    hint: "is `switchyard serve` running and listening there?",
                    exitCode: CLIExitCode.checkFailed
                )
            )
        }
    }
}
