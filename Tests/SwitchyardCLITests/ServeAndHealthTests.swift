import Foundation
import Testing

@Suite("switchyard serve and health", .timeLimit(.minutes(1)))
struct ServeAndHealthTests {
    @Test("health exits 0 on the running gateway's /healthz and 4 on a path it does not serve")
    func healthOnServe() async throws {
        try await withEmulatorFixture { fixture in
            let config = try fixture.writeConfig()
            let server = try await ServeProcess.start(config: config)
            let ok = try await CLIProcess.run(["health", "--url", server.baseURL + "/healthz", "--timeout", "30"])
            let missing = try await CLIProcess.run(["health", "--url", server.baseURL + "/no-such-endpoint", "--timeout", "30"])
            await server.stop()
            #expect(ok.status == 0, "\(ok)")
            #expect(ok.stdout.hasPrefix("200"), "\(ok)")
            #expect(missing.status == 4, "\(missing)")
        }
    }
}
