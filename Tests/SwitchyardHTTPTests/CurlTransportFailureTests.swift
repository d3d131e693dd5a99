import Foundation
import SwitchyardHTTP
import Testing

@Suite("CurlTransport: timeouts and typed failures", .timeLimit(.minutes(1)))
struct CurlTransportFailureTests {
    @Test("Connecting to a listener that never accepts is a connect timeout")
    func connectTimeout() async throws {
        let blackhole = try BlackholeListener()
        let transport = CurlTransport(configuration: .testing)
        defer { withExtendedLifetime(blackhole) {} }
        do {
            _ = try await transport.execute(
                HTTPRequest(method: .get, url: "http://127.0.0.1:\(blackhole.port)/", timeouts: HTTPTimeouts(connect: .milliseconds(200)))
            )
            Issue.record("expected a connect timeout")
        } catch {
            #expect(HTTPTransportError.Code.connectTimeout.matches(error), "\(error)")
        }
        await transport.shutdown()
    }

    @Test("A server that never answers hits the total timeout")
    func totalTimeoutBeforeHead() async throws {
        try await withServerAndTransport { server, transport in
            do {
                _ = try await transport.execute(
                    HTTPRequest(method: .get, url: server.baseURL + "/stall-head", timeouts: HTTPTimeouts(total: .milliseconds(300)))
                )
                Issue.record("expected a total timeout")
            } catch {
                #expect(HTTPTransportError.Code.totalTimeout.matches(error), "\(error)")
            }
        }
    }

    @Test("A body that stalls past the total timeout throws a total timeout")
    func totalTimeoutDuringBody() async throws {
        var configuration = CurlTransport.Configuration.testing
        configuration.idleTimeout = nil
        configuration.totalTimeout = .milliseconds(300)
        try await withServerAndTransport(configuration) { server, transport in
            let response = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + "/stall-body"))
            do {
                _ = try await response.body.collect(upTo: 10_000)
                Issue.record("expected a total timeout")
            } catch {
                #expect(HTTPTransportError.Code.totalTimeout.matches(error), "\(error)")
            }
        }
    }

    @Test("A body that stops sending is an idle timeout (per request, or from the configuration)", arguments: [true, false])
    func idleTimeout(perRequest: Bool) async throws {
        var configuration = CurlTransport.Configuration.testing
        configuration.idleTimeout = perRequest ? .seconds(60) : .milliseconds(200)
        try await withServerAndTransport(configuration) { server, transport in
            let timeouts = perRequest ? HTTPTimeouts(idle: .milliseconds(200)) : HTTPTimeouts()
            let response = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + "/stall-body", timeouts: timeouts))
            var received = Data()
            do {
                for try await chunk in response.body { received.append(chunk) }
                Issue.record("expected an idle timeout")
            } catch {
                #expect(HTTPTransportError.Code.idleTimeout.matches(error), "\(error)")
            }
            #expect(received == Data("0123456789".utf8))
        }
    }

    @Test("Nothing listening is connection refused")
    func refused() async throws {
        let port = try RefusingPort()
        let transport = CurlTransport(configuration: .testing)
        do {
            _ = try await transport.execute(HTTPRequest(method: .get, url: "http://127.0.0.1:\(port.port)/"))
            Issue.record("expected connection refused")
        } catch let error as HTTPTransportError {
            #expect(error.code == .connectionRefused)
            #expect(error.message.contains("curl 7"))
        }
        await transport.shutdown()
    }

    @Test("An unresolvable host is a DNS failure carrying curl's message")
    func dnsFailure() async throws {
        let transport = CurlTransport(configuration: .testing)
        do {
            _ = try await transport.execute(HTTPRequest(method: .get, url: "http://no-such-host.invalid/"))
            Issue.record("expected a DNS failure")
        } catch let error as HTTPTransportError {
            #expect(error.code == .dnsFailure)
            #expect(error.message.contains("no-such-host.invalid"))
        }
        await transport.shutdown()
    }

    @Test("TLS against a plain-HTTP server is a TLS error")
    func tlsFailure() async throws {
        try await withServerAndTransport { server, transport in
            do {
                _ = try await transport.execute(HTTPRequest(method: .get, url: "https://127.0.0.1:\(server.port)/bytes/1"))
                Issue.record("expected a TLS error")
            } catch {
                #expect(HTTPTransportError.Code.tls.matches(error), "\(error)")
            }
        }
    }

    @Test("A configured proxy receives the request in absolute form; NO_PROXY hosts go direct")
    func proxy() async throws {
        let server = try await TestHTTPServer.start()
        let proxied = CurlTransport(configuration: CurlTransport.Configuration(proxy: .url(server.baseURL)))
        let response = try await proxied.execute(HTTPRequest(method: .get, url: "http://upstream.invalid/inspect"))
        let text = String(decoding: try await response.body.collect(upTo: 1 << 16), as: UTF8.self)
        #expect(text.hasPrefix("GET http://upstream.invalid/inspect\n"))
        await proxied.shutdown()

        let bypassing = CurlTransport(configuration: CurlTransport.Configuration(proxy: .url(server.baseURL, noProxy: "upstream.invalid")))
        do {
            _ = try await bypassing.execute(HTTPRequest(method: .get, url: "http://upstream.invalid/inspect"))
            Issue.record("expected the direct attempt to fail DNS")
        } catch {
            #expect(HTTPTransportError.Code.dnsFailure.matches(error), "\(error)")
        }
        await bypassing.shutdown()
        try await server.shutdown()
    }
}
