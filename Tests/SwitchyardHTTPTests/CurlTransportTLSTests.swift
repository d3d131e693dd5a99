import Foundation
import SwitchyardHTTP
import Testing

@Suite(
    "CurlTransport: TLS verification against a real OpenSSL server",
    .timeLimit(.minutes(1)),
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl"), "needs the openssl command-line tool")
)
struct CurlTransportTLSTests {
    @Test("Verification is on by default: a self-signed server is refused with a TLS error")
    func verifiesByDefault() async throws {
        let server = try await OpenSSLTestServer()
        let transport = CurlTransport(configuration: .testing)
        do {
            _ = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + "/"))
            Issue.record("expected certificate verification to fail")
        } catch let error as HTTPTransportError {
            #expect(error.code == .tls, "\(error)")
        }
        await transport.shutdown()
        withExtendedLifetime(server) {}
    }

    @Test("A configured CA file or CA directory makes the server trusted")
    func trustsConfiguredCA() async throws {
        let server = try await OpenSSLTestServer()
        var withFile = CurlTransport.Configuration.testing
        withFile.caFile = server.certificatePath
        var withDirectory = CurlTransport.Configuration.testing
        withDirectory.caDirectory = server.certificateDirectory
        for configuration in [withFile, withDirectory] {
            let transport = CurlTransport(configuration: configuration)
            let response = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + "/"))
            #expect(response.status == 200)
            let page = String(decoding: try await response.body.collect(upTo: 1 << 20), as: UTF8.self)
            #expect(page.contains("s_server"))
            await transport.shutdown()
        }
        withExtendedLifetime(server) {}
    }

    @Test("verifyTLS = false accepts an untrusted certificate")
    func verificationOff() async throws {
        let server = try await OpenSSLTestServer()
        var configuration = CurlTransport.Configuration.testing
        configuration.verifyTLS = false
        let transport = CurlTransport(configuration: configuration)
        let response = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + "/"))
        #expect(response.status == 200)
        _ = try await response.body.collect(upTo: 1 << 20)
        await transport.shutdown()
        withExtendedLifetime(server) {}
    }
}
