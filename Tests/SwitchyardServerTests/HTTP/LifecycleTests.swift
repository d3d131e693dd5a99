import Foundation
import GoogleEmulator
import Logging
import ServiceLifecycle
import Switchyard
import SwitchyardHTTP
import Testing

@Suite("Cancellation, shutdown, request ids, access log and metrics", .timeLimit(.minutes(1)))
struct LifecycleTests {
    static let prompt = #"{"contents":[{"role":"user","parts":[{"text":"Hello there"}]}]}"#

    @Test("a client that disconnects cancels the upstream call")
    func disconnectCancelsUpstream() async throws {
        try await ServerHarness.with { server in
            await server.emulator.injectFault(
                EmulatorFault(kind: .latency(.seconds(15)), match: .init(surface: .aiStudio, model: "gemini-2.5-flash"))
            )
            let requestID = "disconnect-\(UUID().uuidString)"
            let call = Task {
                try await server.send(.post, "/v1beta/models/chat:generateContent", json: Self.prompt, headers: [("x-request-id", requestID)])
            }
            // The upstream call has reached the emulator, which now holds it for 15 s.
            _ = await server.logs.first { $0.label == "emulator" && $0.message == "emulator fault" }
            let held = ContinuousClock.now
            call.cancel()
            _ = try? await call.value
            let line = await server.logs.accessLine(requestID: requestID)
            #expect(line.metadata["switchyard.outcome"] == "cancelled")
            #expect(line.metadata["http.status"] == "499")
            // The gateway stopped well before the upstream would have answered (15 s after `held`): cancelling takes
            // milliseconds, so even a loaded machine stays far inside 12 s, and a missed cancellation cannot get under
            // it. (The emulator itself keeps sleeping until the harness shuts it down, which is why the fault is not
            // longer.)
            #expect(ContinuousClock.now - held < .seconds(12))
        }
    }

    @Test("a client that goes away in the middle of a stream cancels the upstream stream")
    func disconnectMidStreamCancelsUpstream() async throws {
        try await ServerHarness.with { server in
            // The upstream sends its first event, then stalls for 15 s before the rest.
            await server.emulator.injectFault(
                EmulatorFault(
                    kind: .streamPauseAfter(chunks: 1, pause: .seconds(15)),
                    match: .init(surface: .aiStudio, model: "gemini-2.5-flash", method: "streamGenerateContent"),
                    count: 1
                )
            )
            let requestID = "stream-disconnect-\(UUID().uuidString)"
            let reader = Task {
                let response = try await server.client.execute(
                    HTTPRequest(
                        method: .post,
                        url: server.baseURL + "/v1beta/models/chat:streamGenerateContent?alt=sse",
                        headers: ["x-goog-api-key": ServerHarness.clientKey, "Content-Type": "application/json", "x-request-id": requestID],
                        body: Data(Self.prompt.utf8)
                    )
                )
                var chunks = response.body.makeAsyncIterator()
                let first = try await chunks.next()
                return (response.status, first.map { String(decoding: $0, as: UTF8.self) } ?? "")
            }
            // The first event arrived; returning drops the body unread, which closes the connection.
            let (status, first) = try await reader.value
            #expect(status == 200)
            #expect(first.hasPrefix("data: "))
            let left = ContinuousClock.now
            let line = await server.logs.accessLine(requestID: requestID)
            #expect(line.metadata["switchyard.outcome"] == "cancelled")
            // Without the cancellation the gateway would wait out the upstream's 15 s pause before noticing.
            #expect(ContinuousClock.now - left < .seconds(12))
        }
    }

    @Test("graceful shutdown lets a request in flight finish, then refuses new connections")
    func gracefulShutdown() async throws {
        try await ServerHarness.with(.init(serverLogLevel: .trace)) { server in
            await server.emulator.injectFault(
                EmulatorFault(kind: .latency(.milliseconds(800)), match: .init(surface: .aiStudio, model: "gemini-2.5-flash"))
            )
            let call = Task { try await server.send(.post, "/v1beta/models/chat:generateContent", json: Self.prompt) }
            _ = await server.logs.first { $0.label == "emulator" && $0.message == "emulator fault" }
            await server.group.triggerGracefulShutdown()
            // Hummingbird starts its shutdown in a task of its own; under a loaded test run that task can start after
            // the in-flight answer, and then the probe below would still find the server listening. Wait for it.
            _ = await server.logs.first { $0.label == "switchyard" && $0.message.hasPrefix("Server State: shuttingDown") }
            let reply = try await call.value
            #expect(reply.status == 200)
            #expect(reply.text.contains("Echo: Hello there"))
            // A new connection (a client of its own, so nothing is reused) is refused.
            let probe = CurlTransport()
            await #expect(throws: HTTPTransportError.self) {
                _ = try await probe.execute(HTTPRequest(method: .get, url: server.baseURL + "/healthz"))
            }
            await probe.shutdown()
        }
    }

    @Test("x-request-id is honoured, else generated; one access line per request without secrets")
    func requestIDsAndAccessLog() async throws {
        try await ServerHarness.with { server in
            let given = try await server.send(
                .post,
                "/v1beta/models/chat:generateContent?key=\(ServerHarness.clientKey)",
                json: Self.prompt,
                key: nil,
                headers: [("x-request-id", "my-request-42")]
            )
            #expect(given.header("x-request-id") == "my-request-42")
            let line = await server.logs.accessLine(requestID: "my-request-42")
            #expect(line.metadata["http.path"] == "/v1beta/models/chat:generateContent")
            #expect(line.metadata["http.status"] == "200")
            #expect(line.metadata["switchyard.route"] == "chat")
            #expect(line.metadata["switchyard.provider"] == "studio")
            #expect(line.metadata["switchyard.model"] == "gemini-2.5-flash")
            #expect(line.metadata["switchyard.attempts"] == "1")
            #expect(line.metadata["latency_ms"] != nil)

            let generated = try await server.send(.get, "/v1beta/models")
            let id = try #require(generated.header("x-request-id"))
            #expect(id.count >= 32)
            _ = await server.logs.accessLine(requestID: id)

            let wrong = try await server.send(.post, "/v1beta/models/chat:generateContent", json: Self.prompt, key: "leaked-wrong-key-9d1e")
            #expect(wrong.status == 403)
            _ = await server.logs.accessLine(requestID: try #require(wrong.header("x-request-id")))
            let everything = server.logs.fullText
            #expect(!everything.contains(ServerHarness.clientKey))
            #expect(!everything.contains("leaked-wrong-key-9d1e"))
            #expect(!everything.contains(ServerHarness.emulatorKey))
            #expect(server.logs.records.filter { $0.message == "access" && $0.metadata["request.id"] == "my-request-42" }.count == 1)
        }
    }

    @Test("a failing first target falls back: trail headers and metrics show it")
    func fallbackTrailAndMetrics() async throws {
        try await ServerHarness.with { server in
            await server.emulator.injectFault(
                EmulatorFault(kind: .status(503), match: .init(surface: .aiStudio, model: "gemini-2.5-flash"))
            )
            let reply = try await server.send(.post, "/v1beta/models/chat:generateContent", json: Self.prompt)
            #expect(reply.status == 200, "\(reply.text)")
            #expect(reply.header("x-switchyard-provider") == "vertex")
            #expect(reply.header("x-switchyard-attempts") == "2")

            let metrics = try await server.send(.get, "/metrics", key: nil)
            #expect(metrics.status == 200)
            let text = metrics.text
            for fragment in [
                #"switchyard_requests_total{surface="gemini",operation="generateContent",route="chat",provider="vertex",model="gemini-2.5-flash",outcome="success",status="200"} 1"#,
                #"switchyard_request_duration_seconds_bucket{surface="gemini",operation="generateContent",route="chat",outcome="success""#,
                "switchyard_gateway_overhead_seconds_bucket",
                #"switchyard_upstream_attempts_total{provider="studio",model="gemini-2.5-flash",outcome="upstreamUnavailable"} 1"#,
                #"switchyard_upstream_attempts_total{provider="vertex",model="gemini-2.5-flash",outcome="success"} 1"#,
                #"switchyard_fallbacks_total{route="chat"} 1"#,
                #"switchyard_target_cooling_down{provider="studio",model="gemini-2.5-flash"} 0"#,
                "switchyard_requests_in_flight",
            ] {
                #expect(text.contains(fragment), "missing \(fragment)")
            }
            #expect(metrics.header("content-type")?.hasPrefix("text/plain") == true)
        }
    }

    @Test("healthz is always 200; readyz turns 503 once every provider's tried targets are cooling down")
    func health() async throws {
        try await ServerHarness.with(.init(cooldownFailures: 1)) { server in
            let health = try await server.send(.get, "/healthz", key: nil)
            #expect(health.status == 200)
            let ready = try await server.send(.get, "/readyz", key: nil)
            #expect(ready.status == 200)
            #expect(ready.json?["status"] as? String == "ready")
            #expect(ready.json?["usable"] as? [String] == ["studio", "vertex"])

            for surface in [EmulatorFault.Surface.aiStudio, .vertex] {
                await server.emulator.injectFault(EmulatorFault(kind: .status(503), match: .init(surface: surface), count: 10))
            }
            let failed = try await server.send(.post, "/v1beta/models/chat:generateContent", json: Self.prompt)
            #expect(failed.status == 503, "\(failed.text)")
            let unready = try await server.send(.get, "/readyz", key: nil)
            #expect(unready.status == 503, "\(unready.text)")
            #expect(unready.json?["status"] as? String == "unavailable")
            #expect((unready.json?["coolingDown"] as? [String])?.contains("studio/gemini-2.5-flash") == true)
            #expect(try await server.send(.get, "/healthz", key: nil).status == 200)
        }
    }
}
