import Foundation
import ServiceLifecycle
import SwitchyardHTTP
import Testing

@testable import GoogleEmulator

@Suite("Lifecycle", .timeLimit(.minutes(1)))
struct LifecycleTests {
    @Test("the emulator runs as a Service in a ServiceGroup and stops on graceful shutdown")
    func serviceGroup() async throws {
        let emulator = GoogleEmulator(GoogleEmulator.Configuration(apiKeys: [Harness.apiKey]))
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [emulator], logger: GoogleEmulator.quietLogger))
        let running = Task { try await group.run() }
        try await emulator.waitUntilListening()
        let harness = Harness(emulator: emulator, transport: makeTransport())
        let reply = try await harness.aiStudio("gemini-2.0-flash", "countTokens", ["contents": [["parts": [["text": "x"]]]]])
        #expect(reply.status == 200)
        await group.triggerGracefulShutdown()
        try await running.value
        await #expect(throws: HTTPTransportError.self) {
            _ = try await harness.aiStudio("gemini-2.0-flash", "countTokens", ["contents": [["parts": [["text": "x"]]]]])
        }
    }

    @Test("a port that is taken makes start throw instead of hanging")
    func portInUse() async throws {
        let first = try await GoogleEmulator.start()
        let port = Int(first.baseURL.split(separator: ":").last ?? "") ?? 0
        await #expect(throws: (any Error).self) {
            _ = try await GoogleEmulator.start(GoogleEmulator.Configuration(port: port))
        }
        try await first.shutdown()
    }
}
