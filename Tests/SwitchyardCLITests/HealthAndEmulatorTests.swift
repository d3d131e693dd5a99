import Foundation
import Testing

@Suite("switchyard health and the embedded emulator", .timeLimit(.minutes(1)))
struct HealthAndEmulatorTests {
    @Test("health exits 0 on 200 and 4 on another status or no server")
    func health() async throws {
        // A generous --timeout: the in-process emulator shares the test process's event loops with the whole suite.
        try await withEmulatorFixture { fixture in
            let ok = try await CLIProcess.run(["health", "--url", fixture.baseURL + "/emulator/counters", "--timeout", "30"])
            #expect(ok.status == 0, "\(ok)")
            #expect(ok.stdout.hasPrefix("200"), "\(ok)")

            // The metadata ping without its header answers 403.
            let refused = try await CLIProcess.run(["health", "--url", fixture.baseURL + "/", "--timeout", "30"])
            #expect(refused.status == 4, "\(refused)")
            #expect(refused.stderr.contains("answered 403, not 200"), "\(refused)")
        }
        // A port nobody listens on.
        let url = "http://127.0.0.1:\(try FreePort.take())"
        let refused = try await CLIProcess.run(["health", "--url", url + "/healthz", "--timeout", "3"])
        #expect(refused.status == 4, "\(refused)")
        #expect(refused.stderr.contains("cannot GET"), "\(refused)")
    }

    @Test("generate and check start the embedded emulator when the configuration enables it")
    func embeddedEmulator() async throws {
        // A free port for the embedded emulator, and a scratch directory for its service-account file.
        let port = try FreePort.take()
        try await withEmulatorFixture { fixture in
            let stateFile = fixture.directory.appendingPathComponent("embedded-sa.json").path
            let config = try fixture.writeConfig(
                name: "embedded.yaml",
                baseURL: "http://127.0.0.1:\(port)",
                extra: """
                    emulator:
                      enabled: true
                      host: 127.0.0.1
                      port: \(port)
                      api_key: \(EmulatorFixture.apiKey)
                      service_account_file: \(stateFile)
                    """
            )
            // Vertex reads the key file the embedded emulator writes, not the fixture's.
            let rewritten = try String(contentsOfFile: config, encoding: .utf8)
                .replacingOccurrences(of: "credentials: \(fixture.serviceAccountFile.path)", with: "credentials: \(stateFile)")
            try rewritten.write(toFile: config, atomically: true, encoding: .utf8)

            let generate = try await CLIProcess.run(["generate", "--config", config, "--model", "chat", "Hello embedded"])
            #expect(generate.status == 0, "\(generate)")
            #expect(generate.stdout.contains("Echo: Hello embedded"), "\(generate)")

            let check = try await CLIProcess.run(["check", "--config", config])
            #expect(check.status == 0, "\(check)")
            #expect(check.stdout.contains("PASS emulator listening at http://127.0.0.1:\(port)"), "\(check)")
            #expect(check.stdout.contains("PASS vertex (vertex-ai): access token minted"), "\(check)")
            #expect(FileManager.default.fileExists(atPath: stateFile))
            // The fixture's own emulator saw none of it.
            #expect(try await fixture.control.counters()["requests"] == 0)
        }
    }

    @Test("--help of every command has an abstract and examples; the root lists the exit codes")
    func help() async throws {
        let root = try await CLIProcess.run(["--help"])
        #expect(root.status == 0, "\(root)")
        #expect(root.stdout.contains("EXIT CODES:"), "\(root)")
        for command in ["generate", "story", "models", "check", "health"] {
            let run = try await CLIProcess.run([command, "--help"])
            #expect(run.status == 0, "\(run)")
            #expect(run.stdout.contains("EXAMPLES:"), "\(command): \(run)")
            #expect(run.stdout.contains("switchyard \(command)"), "\(command): \(run)")
        }
    }
}
