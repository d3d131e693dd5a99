import Foundation
import SwitchyardHTTP
import Testing

@Suite("CurlTransport: streaming and cancellation", .timeLimit(.minutes(1)))
struct CurlTransportStreamingTests {
    @Test("Each chunk arrives while the server is still sending")
    func chunksArriveAsSent() async throws {
        try await withServerAndTransport { server, transport in
            let stream = server.makeStream()
            let response = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + stream.path))
            #expect(response.status == 200)
            var iterator = response.body.makeAsyncIterator()
            for word in ["alpha", "beta", "gamma"] {
                // The server sends the next chunk only after the client has received the previous one.
                stream.send(word)
                let chunk = try await iterator.next()
                #expect(chunk.map { String(decoding: $0, as: UTF8.self) } == word)
            }
            stream.end()
            #expect(try await iterator.next() == nil)
        }
    }

    @Test("Cancelling the task while waiting for the head aborts the transfer and closes the connection")
    func cancelWhileWaitingForHead() async throws {
        try await withServerAndTransport { server, transport in
            let stream = server.makeStream(holdingHead: true)
            let task = Task { try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + stream.path)) }
            await stream.waitUntilRequested()
            task.cancel()
            let result = await task.result
            #expect(throws: HTTPTransportError.self) { try result.get() }
            if case .failure(let error) = result { #expect(HTTPTransportError.Code.cancelled.matches(error)) }
            await stream.waitUntilClosed()
        }
    }

    @Test("Cancelling the task mid-stream aborts the transfer and the server sees the connection close")
    func cancelMidStream() async throws {
        try await withServerAndTransport { server, transport in
            let stream = server.makeStream()
            let (firstChunk, firstChunkSeen) = AsyncStream.makeStream(of: String.self)
            let task = Task {
                let response = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + stream.path))
                var received: [String] = []
                for try await chunk in response.body {
                    received.append(String(decoding: chunk, as: UTF8.self))
                    firstChunkSeen.yield(received[0])
                }
                return received
            }
            stream.send("first")
            var iterator = firstChunk.makeAsyncIterator()
            #expect(await iterator.next() == "first")
            task.cancel()
            let result = await task.result
            if case .failure(let error) = result {
                #expect(HTTPTransportError.Code.cancelled.matches(error))
            } else {
                Issue.record("expected the body to throw after cancellation")
            }
            await stream.waitUntilClosed()
        }
    }

    @Test("Dropping the body iterator part way aborts the transfer")
    func dropIterator() async throws {
        try await withServerAndTransport { server, transport in
            let stream = server.makeStream()
            do {
                let response = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + stream.path))
                var iterator = response.body.makeAsyncIterator()
                stream.send("only")
                #expect(try await iterator.next() == Data("only".utf8))
            }
            await stream.waitUntilClosed()
        }
    }

    @Test("Dropping a response without reading its body aborts the transfer")
    func dropUnreadBody() async throws {
        try await withServerAndTransport { server, transport in
            let stream = server.makeStream()
            _ = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + stream.path))
            await stream.waitUntilClosed()
        }
    }

    @Test("A body cut off before its announced length throws, after the bytes that did arrive")
    func truncatedBody() async throws {
        try await withServerAndTransport { server, transport in
            let response = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + "/truncate"))
            #expect(response.status == 200)
            var received = Data()
            do {
                for try await chunk in response.body { received.append(chunk) }
                Issue.record("expected a truncated-body error")
            } catch let error as HTTPTransportError {
                #expect(error.code == .truncatedBody)
                #expect(error.isRetryable)
            }
            #expect(received == TestHTTPServer.pattern(count: 500))
        }
    }

    @Test("collect(upTo:) of a body cut off mid-way throws instead of returning a short body")
    func truncatedCollect() async throws {
        try await withServerAndTransport { server, transport in
            let response = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + "/truncate"))
            do {
                let body = try await response.body.collect(upTo: 10_000)
                Issue.record("expected a truncated-body error, got \(body.count) bytes")
            } catch {
                #expect(HTTPTransportError.Code.truncatedBody.matches(error), "\(error)")
            }
        }
    }

    @Test("collect(upTo:) stops a streaming body that grows past the limit and aborts the transfer")
    func collectLimitMidStream() async throws {
        try await withServerAndTransport { server, transport in
            let stream = server.makeStream()
            let response = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + stream.path))
            let collecting = Task { try await response.body.collect(upTo: 8) }
            stream.send("1234")
            stream.send("56789")
            let result = await collecting.result
            if case .failure(let error) = result {
                #expect(HTTPTransportError.Code.bodyTooLarge.matches(error), "\(error)")
            } else {
                Issue.record("expected bodyTooLarge")
            }
            await stream.waitUntilClosed()
        }
    }

    @Test("After shutdown, in-flight bodies fail and execute throws .shutdown")
    func shutdown() async throws {
        let server = try await TestHTTPServer.start()
        let transport = CurlTransport(configuration: .testing)
        let stream = server.makeStream()
        let response = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + stream.path))
        let reader = Task { try await response.body.collect(upTo: 1 << 20) }
        await transport.shutdown()
        let result = await reader.result
        if case .failure(let error) = result {
            #expect(HTTPTransportError.Code.shutdown.matches(error))
        } else {
            Issue.record("expected the in-flight body to fail")
        }
        await #expect(throws: HTTPTransportError.self) {
            _ = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + "/bytes/10"))
        }
        do {
            _ = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + "/bytes/10"))
        } catch {
            #expect(HTTPTransportError.Code.shutdown.matches(error))
        }
        await stream.waitUntilClosed()
        try await server.shutdown()
    }
}

@Suite("CurlTransport as a Service", .timeLimit(.minutes(1)))
struct CurlTransportServiceTests {
    @Test("run() returns when its task is cancelled, and the transport is then shut down")
    func runEndsWithShutdown() async throws {
        let server = try await TestHTTPServer.start()
        let transport = CurlTransport(configuration: .testing)
        let running = Task { try await transport.run() }
        let response = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + "/bytes/10"))
        #expect(try await response.body.collect(upTo: 100).count == 10)
        running.cancel()
        try await running.value
        do {
            _ = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + "/bytes/10"))
            Issue.record("expected .shutdown after run() ended")
        } catch {
            #expect(HTTPTransportError.Code.shutdown.matches(error), "\(error)")
        }
        try await server.shutdown()
    }
}
