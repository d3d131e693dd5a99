import Foundation
import Testing

@Suite("switchyard models and check", .timeLimit(.minutes(1)))
struct ModelsAndCheckTests {
    @Test("models --json lists each provider's models with capabilities, and the routes")
    func modelsJSON() async throws {
        try await withEmulatorFixture { fixture in
            let config = try fixture.writeConfig()
            let run = try await CLIProcess.run(["models", "--config", config, "--json"])
            #expect(run.status == 0, "\(run)")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let providers = try #require(document["providers"] as? [[String: Any]])
            #expect(providers.compactMap { $0["name"] as? String } == ["studio", "vertex"])
            let studioModels = try #require(providers.first?["models"] as? [[String: Any]])
            let image = try #require(studioModels.first { $0["id"] as? String == "gemini-2.0-flash-preview-image-generation" })
            #expect(image["outputModalities"] as? [String] == ["TEXT", "IMAGE"])
            #expect(image["contextWindow"] as? Int == 32768)
            let routes = try #require(document["routes"] as? [[String: Any]])
            #expect(routes.compactMap { $0["name"] as? String } == ["chat", "image"])

            let table = try await CLIProcess.run(["models", "--config", config])
            #expect(table.status == 0, "\(table)")
            #expect(table.stdout.contains("PROVIDER"))
            #expect(table.stdout.contains("TEXT,IMAGE → TEXT,IMAGE"))
            #expect(table.stdout.contains("studio/gemini-2.5-flash → vertex/gemini-2.5-flash"))
        }
    }

    @Test("check passes on a good configuration: a token is minted and models are listed for each provider")
    func checkPasses() async throws {
        try await withEmulatorFixture { fixture in
            let config = try fixture.writeConfig()
            let run = try await CLIProcess.run(["check", "--config", config])
            #expect(run.status == 0, "\(run)")
            #expect(run.stdout.contains("PASS config"), "\(run)")
            #expect(run.stdout.contains("PASS studio (google-ai-studio): API key accepted;"), "\(run)")
            #expect(run.stdout.contains("PASS vertex (vertex-ai): access token minted for"), "\(run)")
            #expect(!run.stdout.contains("FAIL"))
            #expect(try await fixture.control.counters()["tokenGrants"] ?? 0 >= 1)
        }
    }

    @Test("check fails with exit code 4 on a wrong API key and an unknown project, one FAIL line each")
    func checkFailsOnCredentials() async throws {
        try await withEmulatorFixture { fixture in
            let config = try fixture.writeConfig(studioKey: "wrong-key", vertexProject: "no-such-project")
            let run = try await CLIProcess.run(["check", "--config", config])
            #expect(run.status == 4, "\(run)")
            #expect(run.stdout.contains("FAIL studio (google-ai-studio):"), "\(run)")
            #expect(run.stdout.contains("FAIL vertex (vertex-ai):"), "\(run)")
            #expect(!run.stdout.contains("wrong-key"), "the API key must not be printed")
            #expect(run.stderr.contains("2 of 2 providers failed the check"), "\(run)")
        }
    }

    @Test("check reports a configuration error with file:line and exit code 3")
    func checkConfigError() async throws {
        try await withEmulatorFixture { fixture in
            let config = try fixture.writeConfig(extra: "timeouts:\n  request: soon\n")
            let lines = try String(contentsOfFile: config, encoding: .utf8).components(separatedBy: "\n")
            let line = try #require(lines.firstIndex { $0.contains("request: soon") }) + 1
            let run = try await CLIProcess.run(["check", "--config", config])
            #expect(run.status == 3, "\(run)")
            #expect(run.stdout.contains("FAIL config"), "\(run)")
            #expect(run.stderr.contains("\(config):\(line): timeouts.request"), "\(run)")

            let missing = try await CLIProcess.run(["models", "--config", fixture.directory.appendingPathComponent("absent.yaml").path])
            #expect(missing.status == 3, "\(missing)")
            #expect(missing.stderr.contains("cannot read the file"), "\(missing)")
        }
    }
}
