import Foundation
import SwitchyardHTTP

/// Runs `body` with a fresh test server and a fresh transport, and shuts both down afterwards.
func withServerAndTransport<T>(
    _ configuration: CurlTransport.Configuration = .testing,
    _ body: (TestHTTPServer, CurlTransport) async throws -> T
) async throws -> T {
    let server = try await TestHTTPServer.start()
    let transport = CurlTransport(configuration: configuration)
    do {
        let result = try await body(server, transport)
        await transport.shutdown()
        try await server.shutdown()
        return result
    } catch {
        await transport.shutdown()
        try await server.shutdown()
        throw error
    }
}

extension CurlTransport.Configuration {
    /// Defaults for tests: no proxy from the environment, short connect timeout.
    static var testing: CurlTransport.Configuration {
        CurlTransport.Configuration(connectTimeout: .seconds(5), proxy: .none)
    }
}

extension HTTPTransportError.Code {
    /// Whether `error` is an ``HTTPTransportError`` with this code.
    func matches(_ error: any Error) -> Bool {
        (error as? HTTPTransportError)?.code == self
    }
}
