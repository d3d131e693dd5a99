import Foundation
import SwitchyardHTTP
import Testing

@Suite("CurlTransport: requests and responses", .timeLimit(.minutes(1)))
struct CurlTransportBasicTests {
    @Test("GET returns status, headers and the exact body")
    func getBytes() async throws {
        try await withServerAndTransport { server, transport in
            let response = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + "/bytes/100000"))
            #expect(response.status == 200)
            #expect(response.headers["Content-Length"] == "100000")
            #expect(response.headers["x-test-server"] == "nio")
            let body = try await response.body.collect(upTo: 1 << 20)
            #expect(body == TestHTTPServer.pattern(count: 100_000))
        }
    }

    @Test("POST echoes the body")
    func postEcho() async throws {
        try await withServerAndTransport { server, transport in
            let payload = Data("{\"hello\":\"world\"}".utf8)
            let response = try await transport.execute(
                HTTPRequest(method: .post, url: server.baseURL + "/echo", headers: ["Content-Type": "application/json"], body: payload)
            )
            #expect(response.status == 200)
            #expect(try await response.body.collect(upTo: 1024) == payload)
        }
    }

    @Test("Headers go out in order, with no Expect, Accept or Content-Type added by libcurl")
    func headerOrder() async throws {
        try await withServerAndTransport { server, transport in
            let request = HTTPRequest(
                method: .post,
                url: server.baseURL + "/inspect",
                headers: HTTPHeaders([("X-First", "1"), ("X-Second", "2"), ("x-first", "3"), ("X-Empty", "")]),
                body: Data(count: 2 << 20)
            )
            let response = try await transport.execute(request)
            let text = String(decoding: try await response.body.collect(upTo: 1 << 16), as: UTF8.self)
            let lines = text.split(separator: "\n").map(String.init)
            #expect(lines.first == "POST /inspect")
            let custom = lines.filter { $0.lowercased().hasPrefix("x-") }
            #expect(custom == ["X-First: 1", "X-Second: 2", "x-first: 3", "X-Empty: "])
            #expect(!lines.contains { $0.lowercased().hasPrefix("expect:") })
            #expect(!lines.contains { $0.lowercased().hasPrefix("accept:") })
            #expect(!lines.contains { $0.lowercased().hasPrefix("content-type:") })
            #expect(lines.contains("User-Agent: switchyard"))
            #expect(lines.contains("body-length: \(2 << 20)"))
        }
    }

    @Test("Any method is sent as given", arguments: ["PUT", "PATCH", "DELETE", "OPTIONS", "GET"])
    func methods(method: String) async throws {
        try await withServerAndTransport { server, transport in
            let response = try await transport.execute(
                HTTPRequest(method: HTTPMethod(rawValue: method), url: server.baseURL + "/inspect", body: method == "GET" ? nil : Data("x".utf8))
            )
            let text = String(decoding: try await response.body.collect(upTo: 1 << 16), as: UTF8.self)
            #expect(text.hasPrefix("\(method) /inspect\n"))
        }
    }

    @Test("HEAD returns the head and an empty body")
    func head() async throws {
        try await withServerAndTransport { server, transport in
            let response = try await transport.execute(HTTPRequest(method: .head, url: server.baseURL + "/bytes/5000"))
            #expect(response.status == 200)
            #expect(response.headers["content-length"] == "5000")
            #expect(try await response.body.collect(upTo: 10).isEmpty)
        }
    }

    @Test("A 1xx head is skipped; the final status comes back")
    func informational() async throws {
        try await withServerAndTransport { server, transport in
            let response = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + "/continue"))
            #expect(response.status == 200)
            #expect(String(decoding: try await response.body.collect(upTo: 100), as: UTF8.self) == "after-continue")
        }
    }

    @Test("Error statuses are responses, not errors")
    func errorStatus() async throws {
        try await withServerAndTransport { server, transport in
            let response = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + "/status/503"))
            #expect(response.status == 503)
            #expect(String(decoding: try await response.body.collect(upTo: 100), as: UTF8.self) == "status 503")
        }
    }

    @Test("collect(upTo:) refuses a larger body")
    func collectLimit() async throws {
        try await withServerAndTransport { server, transport in
            let response = try await transport.execute(HTTPRequest(method: .get, url: server.baseURL + "/bytes/300000"))
            await #expect(throws: HTTPTransportError.self) { try await response.body.collect(upTo: 1000) }
        }
    }

    @Test("Invalid requests are rejected naming the field, without the header value")
    func invalidRequests() async throws {
        try await withServerAndTransport { server, transport in
            do {
                _ = try await transport.execute(
                    HTTPRequest(method: .get, url: server.baseURL + "/echo", headers: ["Authorization": "Bearer secret\r\nX-Evil: 1"])
                )
                Issue.record("expected an error")
            } catch let error as HTTPTransportError {
                #expect(error.code == .invalidRequest)
                #expect(error.message.contains("Authorization"))
                #expect(!error.message.contains("secret"))
            }
            await #expect(throws: HTTPTransportError.self) {
                _ = try await transport.execute(HTTPRequest(method: .get, url: "ftp://127.0.0.1/file"))
            }
            await #expect(throws: HTTPTransportError.self) {
                _ = try await transport.execute(HTTPRequest(method: HTTPMethod(rawValue: "GE T"), url: server.baseURL))
            }
        }
    }
}
