import Foundation
import SwitchyardHTTP
import Testing

@testable import GoogleEmulator

@Suite("Request log and counters", .timeLimit(.minutes(1)))
struct ObservationTests {
    @Test("the request log redacts API keys, bearer tokens and assertions")
    func redaction() async throws {
        try await Harness.with { harness in
            _ = try await harness.aiStudio("gemini-2.0-flash", "generateContent", textRequest("logged"))
            _ = try await harness.send(.post, "/v1beta/models/gemini-2.0-flash:countTokens?key=\(Harness.apiKey)&alt=json", json: textRequest("x"))
            let token = try await harness.serviceAccountToken()
            _ = try await harness.vertex("gemini-2.0-flash", "generateContent", textRequest("vertex"), token: token)

            let log = await harness.emulator.requestLog()
            #expect(log.count == 4)
            #expect(log[0].header("x-goog-api-key") == "REDACTED")
            #expect(String(decoding: log[0].body, as: UTF8.self).contains("logged"))
            #expect(log[1].query == "key=REDACTED&alt=json")
            #expect(log[2].path == "/token")
            #expect(String(decoding: log[2].body, as: UTF8.self).contains("assertion=REDACTED"))
            #expect(log[3].header("authorization") == "Bearer REDACTED")
            #expect(log[3].surface == .vertex)
            let everything = log.map { record in
                record.headers.map(\.value).joined() + record.query + String(decoding: record.body, as: UTF8.self)
            }.joined()
            #expect(!everything.contains(Harness.apiKey))
            #expect(!everything.contains(token))

            let counters = await harness.emulator.counters
            #expect(counters.requests == 4)
            #expect(counters.aiStudioRequests == 2)
            #expect(counters.vertexRequests == 1)
            await harness.emulator.resetObservations()
            #expect(await harness.emulator.requestLog().isEmpty)
            #expect(await harness.emulator.counters.requests == 0)
        }
    }

    @Test("two emulators run side by side on their own ports")
    func independence() async throws {
        let first = try await Harness.start()
        let second = try await Harness.start()
        #expect(first.emulator.baseURL != second.emulator.baseURL)
        _ = try await first.aiStudio("gemini-2.0-flash", "countTokens", ["contents": [["parts": [["text": "x"]]]]])
        #expect(await first.emulator.counters.requests == 1)
        #expect(await second.emulator.counters.requests == 0)
        try await first.emulator.shutdown()
        try await second.emulator.shutdown()
        await #expect(throws: HTTPTransportError.self) {
            _ = try await first.aiStudio("gemini-2.0-flash", "countTokens", ["contents": [["parts": [["text": "x"]]]]])
        }
    }
}
