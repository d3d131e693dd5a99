import Foundation
import Testing

@testable import SwitchyardHTTP

/// HTTP/2 over TLS against a real HTTP/2 server, nghttpd (Debian's `nghttp2-server`, which `scripts/install-deps`
/// installs). Connections are counted on the server side, from nghttpd's verbose log: it logs
/// `SSL/TLS handshake completed` once per accepted connection and tags every frame with its connection's session id,
/// so "one connection" means one handshake and every request on the same session id.
@Suite(
    "CurlTransport: HTTP/2 over TLS against nghttpd",
    .timeLimit(.minutes(1)),
    .enabled(
        if: NGHTTPDTestServer.executablePath != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl"),
        "needs nghttpd (Debian package nghttp2-server) and the openssl command-line tool"
    )
)
struct CurlTransportHTTP2Tests {
    @Test("A request to a server that offers h2 negotiates HTTP/2")
    func negotiatesHTTP2() async throws {
        let contents = try Self.randomContent(count: 5000)
        let server = try await NGHTTPDTestServer(files: ["hello.bin": contents])
        try await Self.withTransport(trusting: server, smallBuffers: false) { transport in
            let response = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + "/hello.bin"))
            #expect(response.status == 200)
            #expect(response.httpVersion == .http2)
            #expect(response.headers["content-length"] == "5000")
            #expect(try await response.body.collect(upTo: 1 << 20) == contents)
            #expect(server.log.text.contains("The negotiated protocol: h2"))
            #expect(server.tlsConnectionCount() == 1)
        }
    }

    @Test("32 concurrent requests to one host are multiplexed as 32 streams over one TCP connection")
    func multiplexesOnOneConnection() async throws {
        let count = 32
        let size = 512 << 10
        let bodies = try (0..<count).map { _ in try Self.randomContent(count: size) }
        var files: [String: Data] = [:]
        for index in 0..<count { files["multiplex/\(index).bin"] = bodies[index] }
        let server = try await NGHTTPDTestServer(files: files)
        // Each body is eight times the buffer, so every transfer pauses with its body unfinished until it is read.
        try await Self.withTransport(trusting: server, smallBuffers: true) { transport in
            // Every response head, with its body not read yet: all 32 exchanges are open at the same time, which
            // over a single HTTP/1.1 connection could not happen.
            let baseURL = server.baseURL
            let responses = try await withThrowingTaskGroup(of: (Int, HTTPResponse).self) { group in
                for index in 0..<count {
                    group.addTask {
                        let url = baseURL + "/multiplex/\(index).bin"
                        return (index, try await transport.execute(HTTPRequest(method: .get, url: url)))
                    }
                }
                var responses: [Int: HTTPResponse] = [:]
                for try await (index, response) in group { responses[index] = response }
                return responses
            }
            #expect(responses.count == count)
            #expect(responses.values.allSatisfy { $0.status == 200 && $0.httpVersion == .http2 })

            // A connection's handshake is logged before any request on it, so once the server has logged all 32
            // requests, every connection they used is in the log too.
            try await server.log.wait(for: "\(count) requests") { text in
                text.components(separatedBy: " :path: /multiplex/").count - 1 >= count
            }
            let requests = server.receivedRequests().filter { $0.path.hasPrefix("/multiplex/") }
            #expect(requests.count == count)
            #expect(server.tlsConnectionCount() == 1, "connections accepted by the server")
            #expect(Set(requests.map(\.session)).count == 1, "server sessions carrying the requests")
            #expect(Set(requests.map(\.stream)).count == count, "distinct HTTP/2 streams")

            // Now read every body at once: paused streams on one connection resume and finish byte-exact.
            let intact = try await withThrowingTaskGroup(of: Bool.self) { group in
                for (index, response) in responses {
                    group.addTask {
                        try await Self.matches(response.body, bodies[index])
                    }
                }
                var intact = 0
                for try await ok in group where ok { intact += 1 }
                return intact
            }
            #expect(intact == count)
            #expect(transport.statistics.pauseCount >= count)
            #expect(transport.statistics.maxBufferedBytes <= 64 << 10)
            #expect(server.tlsConnectionCount() == 1)
        }
    }

    @Test("An 8 MB body arrives byte-exact over HTTP/2 to a slow consumer: the stream pauses and resumes")
    func largeBodyWithBackpressure() async throws {
        let size = 8 << 20
        let contents = try Self.randomContent(count: size)
        let server = try await NGHTTPDTestServer(files: ["large.bin": contents])
        try await Self.withTransport(trusting: server, smallBuffers: true) { transport in
            let pausesBefore = transport.statistics.pauseCount
            let response = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + "/large.bin"))
            #expect(response.httpVersion == .http2)
            #expect(response.headers["content-length"] == "\(size)")
            // Read nothing until the stream has paused, then read chunk by chunk, yielding between chunks.
            await transport.statistics.waitForPause(after: pausesBefore)
            var received = 0
            var mismatchAt: Int?
            for try await chunk in response.body {
                if mismatchAt == nil, chunk != contents[received..<min(size, received + chunk.count)] {
                    mismatchAt = received
                }
                received += chunk.count
                await Task.yield()
            }
            #expect(received == size)
            #expect(mismatchAt == nil)
            #expect(transport.statistics.pauseCount > pausesBefore)
            #expect(transport.statistics.maxBufferedBytes <= 64 << 10)

            // collect(upTo:) on a paused HTTP/2 stream resumes it and gets every byte, on the same connection.
            let pausesAfterFirst = transport.statistics.pauseCount
            let second = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + "/large.bin"))
            await transport.statistics.waitForPause(after: pausesAfterFirst)
            #expect(try await second.body.collect(upTo: size) == contents)
            #expect(server.tlsConnectionCount() == 1)
        }
    }

    @Test("A paused stream does not hold up another stream on the same connection")
    func pausedStreamDoesNotBlockOthers() async throws {
        // Each body is far larger than what the socket buffers hold, so neither can finish without its reader.
        let size = 16 << 20
        let held = try Self.randomContent(count: size)
        let read = try Self.randomContent(count: size)
        let server = try await NGHTTPDTestServer(files: ["held.bin": held, "read.bin": read])
        try await Self.withTransport(trusting: server, smallBuffers: true) { transport in
            let pausesBefore = transport.statistics.pauseCount
            let heldResponse = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + "/held.bin"))
            await transport.statistics.waitForPause(after: pausesBefore)
            // The held stream stays paused, unread, while the other is read to the end.
            let readResponse = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + "/read.bin"))
            #expect(readResponse.httpVersion == .http2)
            #expect(try await Self.matches(readResponse.body, read))
            #expect(try await Self.matches(heldResponse.body, held))
            #expect(server.tlsConnectionCount() == 1)
            #expect(Set(server.receivedRequests().map(\.session)).count == 1)
        }
    }

    @Test("Dropping a stream mid-body while another uses the connection resets only that stream")
    func abandonedStreamIsReset() async throws {
        // Far larger than the socket buffers: the server cannot have sent it all while the reader holds back.
        let size = 16 << 20
        let contents = try Self.randomContent(count: size)
        let server = try await NGHTTPDTestServer(files: ["a.bin": contents, "b.bin": contents])
        try await Self.withTransport(trusting: server, smallBuffers: true) { transport in
            let pausesBefore = transport.statistics.pauseCount
            var abandoned: HTTPResponse? = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + "/a.bin"))
            #expect(abandoned?.httpVersion == .http2)
            await transport.statistics.waitForPause(after: pausesBefore)
            let kept = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + "/b.bin"))
            var iterator = abandoned?.body.makeAsyncIterator()
            _ = try await iterator?.next()
            // Dropping the response and its iterator aborts the transfer.
            iterator = nil
            abandoned = nil
            #expect(try await Self.matches(kept.body, contents))
            try await server.log.wait(for: "the abandoned stream's RST_STREAM") {
                $0.contains("recv RST_STREAM frame <length=4, flags=0x00, stream_id=1>")
            }
            #expect(server.tlsConnectionCount() == 1)
            #expect(server.closedSessions().isEmpty)
        }
    }

    @Test("Dropping the only stream on a connection mid-body closes the connection, so the server stops at once")
    func abandonedLastStreamClosesConnection() async throws {
        let size = 16 << 20
        let contents = try Self.randomContent(count: size)
        let server = try await NGHTTPDTestServer(files: ["a.bin": contents])
        try await Self.withTransport(trusting: server, smallBuffers: true) { transport in
            let pausesBefore = transport.statistics.pauseCount
            var abandoned: HTTPResponse? = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + "/a.bin"))
            await transport.statistics.waitForPause(after: pausesBefore)
            abandoned = nil
            _ = abandoned
            // Without a close, the idle connection would keep the stream open on the server until a later request.
            try await server.log.wait(for: "the connection to close") { !NGHTTPDTestServer.closedSessions(in: $0).isEmpty }
            let next = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + "/a.bin"))
            #expect(try await next.body.collect(upTo: size) == contents)
            #expect(server.tlsConnectionCount() == 2)
        }
    }

    @Test("With http2 off the transport offers only http/1.1; nghttpd, which speaks only h2, hangs up: connectionReset")
    func http1OnlyIsRefusedByNghttpd() async throws {
        let server = try await NGHTTPDTestServer(files: ["hello.bin": Data("hello".utf8)])
        var configuration = Self.configuration(trusting: server)
        configuration.http2 = false
        let transport = CurlTransport(configuration: configuration)
        defer { withExtendedLifetime(server) {} }
        do {
            _ = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + "/hello.bin"))
            Issue.record("nghttpd answered a client that did not offer h2")
        } catch let error as HTTPTransportError {
            #expect(error.code == .connectionReset, "\(error)")
        }
        await transport.shutdown()
        try await server.log.wait(for: "the refusal") { $0.contains("Client did not advertise HTTP/2 protocol") }
        let offers = try #require(server.log.text.components(separatedBy: "[ALPN] client offers:\n").last)
        #expect(offers.hasPrefix(" * http/1.1\n"))
        #expect(!offers.contains(" * h2\n"))
    }

    @Test("A TLS server that does not offer h2 is reached over HTTP/1.x even with http2 on")
    func fallsBackToHTTP11() async throws {
        let server = try await OpenSSLTestServer()
        defer { withExtendedLifetime(server) {} }
        for http2 in [true, false] {
            var configuration = CurlTransport.Configuration.testing
            configuration.caFile = server.certificatePath
            configuration.http2 = http2
            let transport = CurlTransport(configuration: configuration)
            do {
                let response = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + "/"))
                #expect(response.status == 200)
                // `openssl s_server -www` offers no ALPN protocol and answers with an HTTP/1.0 status line.
                #expect(response.httpVersion == .http1_0, "http2 = \(http2)")
                _ = try await response.body.collect(upTo: 1 << 20)
            } catch {
                await transport.shutdown()
                throw error
            }
            await transport.shutdown()
        }
    }

    // MARK: Helpers

    /// Runs `body` with a transport that trusts `server`'s certificate, and shuts the transport down on every path.
    /// - Parameter smallBuffers: A 64 KiB body buffer and 16 KiB reads, so large bodies pause until they are read.
    static func withTransport(
        trusting server: NGHTTPDTestServer,
        smallBuffers: Bool,
        _ body: (CurlTransport) async throws -> Void
    ) async throws {
        var configuration = configuration(trusting: server)
        if smallBuffers {
            configuration.bodyBufferLimit = 64 << 10
            configuration.receiveBufferSize = 16 << 10
        }
        let transport = CurlTransport(configuration: configuration)
        do {
            try await body(transport)
        } catch {
            await transport.shutdown()
            throw error
        }
        await transport.shutdown()
    }

    static func configuration(trusting server: NGHTTPDTestServer) -> CurlTransport.Configuration {
        var configuration = CurlTransport.Configuration.testing
        configuration.caFile = server.certificatePath
        return configuration
    }

    /// `count` random bytes (from `/dev/urandom`), so a misplaced or repeated chunk cannot go unnoticed.
    static func randomContent(count: Int) throws -> Data {
        guard let source = FileHandle(forReadingAtPath: "/dev/urandom") else { throw TestServerError("no /dev/urandom") }
        defer { try? source.close() }
        let data = source.readData(ofLength: count)
        guard data.count == count else { throw TestServerError("/dev/urandom gave \(data.count) of \(count) bytes") }
        return data
    }

    /// Reads `body` chunk by chunk and tells whether it is exactly `expected`.
    static func matches(_ body: HTTPResponseBody, _ expected: Data) async throws -> Bool {
        var received = 0
        var intact = true
        for try await chunk in body {
            let end = received + chunk.count
            if end > expected.count || chunk != expected[received..<end] { intact = false }
            received = end
        }
        return intact && received == expected.count
    }
}
