import Foundation
import Testing

@testable import SwitchyardHTTP

@Suite("CurlTransport: load, large bodies, connection reuse", .timeLimit(.minutes(1)))
struct CurlTransportLoadTests {
    @Test("500 concurrent requests are all answered with their own bodies, within the per-host connection cap")
    func fiveHundredConcurrent() async throws {
        var configuration = CurlTransport.Configuration.testing
        configuration.maxConnectionsPerHost = 16
        try await withServerAndTransport(configuration) { server, transport in
            let answered = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<500 {
                    group.addTask {
                        let payload = Data("request number \(index)".utf8)
                        let response = try await transport.execute(HTTPRequest(method: .post, url: server.baseURL + "/echo", body: payload))
                        let body = try await response.body.collect(upTo: 1024)
                        return response.status == 200 && body == payload
                    }
                }
                var correct = 0
                for try await ok in group where ok { correct += 1 }
                return correct
            }
            #expect(answered == 500)
            #expect(server.acceptedConnections <= 16)
        }
    }

    @Test("A 32 MB response body arrives byte-exact, in order, as several chunks")
    func largeResponse() async throws {
        try await withServerAndTransport { server, transport in
            let size = 32 << 20
            let response = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + "/bytes/\(size)"))
            #expect(response.status == 200)
            var offset = 0
            var chunks = 0
            var mismatches = 0
            for try await chunk in response.body {
                chunks += 1
                chunk.withUnsafeBytes { raw in
                    for index in 0..<raw.count where raw[index] != TestHTTPServer.patternByte(at: offset + index) {
                        mismatches += 1
                    }
                }
                offset += chunk.count
            }
            #expect(offset == size)
            #expect(mismatches == 0)
            #expect(chunks > 1)
        }
    }

    @Test("A 32 MB request body goes out byte-exact")
    func largeRequest() async throws {
        try await withServerAndTransport { server, transport in
            var generator = SystemRandomNumberGenerator()
            var bytes = [UInt8](repeating: 0, count: 32 << 20)
            for index in stride(from: 0, to: bytes.count, by: 8) {
                withUnsafeBytes(of: generator.next() as UInt64) { random in
                    for offset in 0..<8 { bytes[index + offset] = random[offset] }
                }
            }
            let payload = Data(bytes)
            let response = try await transport.execute(HTTPRequest(method: .put, url: server.baseURL + "/echo", body: payload))
            #expect(response.status == 200)
            let echoed = try await response.body.collect(upTo: 40 << 20)
            #expect(echoed.count == payload.count)
            #expect(echoed == payload)
        }
    }

    @Test("Sequential requests reuse one keep-alive connection")
    func keepAlive() async throws {
        try await withServerAndTransport { server, transport in
            for index in 0..<20 {
                let response = try await transport.execute(
                    HTTPRequest(method: .post, url: server.baseURL + "/echo", body: Data("\(index)".utf8))
                )
                #expect(try await response.body.collect(upTo: 100) == Data("\(index)".utf8))
            }
            #expect(server.acceptedConnections == 1)
        }
    }

    @Test("A slow consumer pauses the transfer; memory stays bounded and every byte still arrives")
    func backpressure() async throws {
        var configuration = CurlTransport.Configuration.testing
        configuration.bodyBufferLimit = 64 << 10
        configuration.receiveBufferSize = 16 << 10
        try await withServerAndTransport(configuration) { server, transport in
            let size = 8 << 20
            let pausesBefore = transport.statistics.pauseCount
            let response = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + "/bytes/\(size)"))
            // Read nothing until the transfer has paused.
            await transport.statistics.waitForPause(after: pausesBefore)
            var received = 0
            var mismatches = 0
            for try await chunk in response.body {
                chunk.withUnsafeBytes { raw in
                    for index in 0..<raw.count where raw[index] != TestHTTPServer.patternByte(at: received + index) {
                        mismatches += 1
                    }
                }
                received += chunk.count
            }
            #expect(received == size)
            #expect(mismatches == 0)
            #expect(transport.statistics.maxBufferedBytes <= 64 << 10)

            // collect(upTo:) on a paused transfer resumes it and gets every byte.
            let pausesAfterFirst = transport.statistics.pauseCount
            let second = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + "/bytes/\(size)"))
            await transport.statistics.waitForPause(after: pausesAfterFirst)
            #expect(try await second.body.collect(upTo: size) == TestHTTPServer.pattern(count: size))
        }
    }
}
