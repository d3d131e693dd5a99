import SwitchyardCore
import Testing

@testable import SwitchyardProviders

@Suite("Model names")
struct ModelNameTests {
    @Test("names with .., ? or & are refused on both backends", arguments: GoogleBackend.allCases, ["../x", "a..b", "gemini?key=1", "a&b", ""])
    func unsafe(backend: GoogleBackend, name: String) {
        #expect(throws: SwitchyardError.self) { try ModelName.parse(name, backend: backend) }
    }

    @Test("characters outside A-Z a-z 0-9 - _ . @ are refused, naming the character")
    func characters() {
        do {
            _ = try ModelName.parse("gemini 2.5", backend: .aiStudio)
            Issue.record("a space must be refused")
        } catch {
            #expect(error.code == .invalidArgument)
            #expect(error.message.contains("\" \""))
        }
        #expect(throws: SwitchyardError.self) { try ModelName.parse("gemini%2F..", backend: .vertexAI) }
        #expect(throws: SwitchyardError.self) { try ModelName.parse("gemini#x", backend: .vertexAI) }
    }

    @Test("the one-pass check for bare ids agrees with the general parser on every short name", arguments: GoogleBackend.allCases)
    func plainIDsAgree(backend: GoogleBackend) {
        let alphabet: [String] = ["a", "Z", "7", "-", "_", ".", "@", "/", "?", " ", "é"]
        var names: [String] = [""]
        var frontier: [String] = [""]
        for _ in 1...3 {
            frontier = frontier.flatMap { prefix in alphabet.map { prefix + $0 } }
            names += frontier
        }
        var plain = 0
        for name in names {
            let general = Result { () throws(SwitchyardError) in try ModelName.parseInGeneral(name, backend: backend) }
            if ModelName.isPlainID(name) {
                plain += 1
                #expect((try? general.get()) == .base(name), "\(name)")
            }
            let parsed = Result { () throws(SwitchyardError) in try ModelName.parse(name, backend: backend) }
            #expect((try? parsed.get()) == (try? general.get()), "\(name)")
        }
        #expect(plain > 100)
    }

    @Test("@ versions are kept")
    func atVersions() throws {
        #expect(try ModelName.parse("imagegeneration@006", backend: .vertexAI) == .base("imagegeneration@006"))
        #expect(
            try GoogleEndpoint.vertexAI(project: "p", location: "us-central1").modelResource("imagegeneration@006")
                == "projects/p/locations/us-central1/publishers/google/models/imagegeneration@006"
        )
    }

    @Test("models/x: accepted on AI Studio, refused on Vertex AI (it names a Model Registry model there)")
    func modelsPrefix() throws {
        #expect(try GoogleEndpoint.aiStudio().modelResource("models/gemini-2.5-flash") == "models/gemini-2.5-flash")
        do {
            _ = try GoogleEndpoint.vertexAI(project: "p").modelResource("models/gemini-2.5-flash")
            Issue.record("models/x must be refused on Vertex AI")
        } catch {
            #expect(error.code == .invalidArgument)
            #expect(error.message.contains("Model Registry"))
            #expect(error.message.contains("use \"gemini-2.5-flash\""))
        }
    }

    @Test("tunedModels/x: an AI Studio tuned model; refused on Vertex AI instead of publishers/tunedModels/…")
    func tunedModels() throws {
        #expect(try GoogleEndpoint.aiStudio().modelResource("tunedModels/t1") == "tunedModels/t1")
        do {
            _ = try GoogleEndpoint.vertexAIExpress().modelResource("tunedModels/t1")
            Issue.record("tunedModels/x must be refused on Vertex AI")
        } catch {
            #expect(error.message.contains("AI Studio tuned model"))
        }
    }

    @Test("other resource paths are refused on the backend they do not belong to")
    func foreignPaths() throws {
        #expect(
            try GoogleEndpoint.vertexAIExpress().modelResource("publishers/google/models/gemini-2.0-flash")
                == "publishers/google/models/gemini-2.0-flash"
        )
        for name in ["publishers/google/models/gemini-2.0-flash", "projects/p/locations/l/endpoints/1", "anthropic/claude"] {
            #expect(throws: SwitchyardError.self, "\(name) on AI Studio") { try GoogleEndpoint.aiStudio().modelResource(name) }
        }
        for name in ["anthropic/claude", "publishers/anthropic/models/claude", "projects/p/locations/l/endpoints/1", "models/"] {
            #expect(throws: SwitchyardError.self, "\(name) on Vertex AI") { try GoogleEndpoint.vertexAIExpress().modelResource(name) }
        }
    }
}
