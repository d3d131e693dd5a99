import Foundation
import SwitchyardConfig
import SwitchyardCore
import Testing

@Suite("Provider catalogs")
struct CatalogTests {
    @Test("Both real catalogs load and hold the required models")
    func requiredModels() throws {
        let studio = try #require(Repository.catalogs[.googleAIStudio])
        let vertex = try #require(Repository.catalogs[.vertexAI])
        for id in [
            "gemini-2.0-flash-preview-image-generation", "gemini-2.0-flash-exp", "imagen-3.0-generate-002", "gemini-2.5-flash-image",
            "gemini-2.0-flash", "gemini-2.5-flash", "gemini-2.5-pro",
        ] {
            #expect(studio.model(id) != nil, "AI Studio lacks \(id)")
        }
        for id in [
            "gemini-2.0-flash-preview-image-generation", "imagegeneration@006", "imagen-3.0-generate-002", "gemini-2.5-flash-image",
            "gemini-2.0-flash", "gemini-2.5-flash", "gemini-2.5-pro",
        ] {
            #expect(vertex.model(id) != nil, "Vertex lacks \(id)")
            #expect(vertex.model(id)?.locations?.isEmpty == false, "Vertex \(id) lists no locations")
        }
        for model in Array(studio.models.values) + Array(vertex.models.values) {
            #expect(model.source?.isEmpty == false, "\(model.id) has no source note")
        }
        #expect(studio.authKinds == [.apiKey])
        #expect(vertex.authKinds == [.oauth, .apiKeyExpress])
    }

    @Test("gemini-2.0-flash-preview-image-generation has the issue's figures on both providers")
    func geminiImageFigures() throws {
        for type in [ProviderType.googleAIStudio, .vertexAI] {
            let model = try #require(Repository.catalogs[type]?.model("gemini-2.0-flash-preview-image-generation"))
            let capabilities = model.capabilities
            #expect(capabilities.apiMethod == .generateContent)
            #expect(capabilities.contextWindow == 32_768)
            #expect(capabilities.maxOutputTokens == 8_192)
            #expect(capabilities.inputModalities == [.text, .image])
            #expect(capabilities.outputModalities == [.text, .image])
            #expect(capabilities.features == Set(ModelFeature.all))
        }
    }

    @Test("imagegeneration@006 is a predict model with the issue's limits")
    func imagenFigures() throws {
        let model = try #require(Repository.catalogs[.vertexAI]?.model("imagegeneration@006"))
        let capabilities = model.capabilities
        #expect(capabilities.apiMethod == .predict)
        #expect(capabilities.inputModalities == [.text])
        #expect(capabilities.outputModalities == [.image])
        #expect(capabilities.images?.imagesPerCall == 1...4)
        #expect(capabilities.images?.aspectRatios == ["1:1", "9:16", "16:9", "3:4", "4:3"])
        #expect(capabilities.images?.negativePrompt == true)
        #expect(capabilities.images?.seed == true)
        #expect(!capabilities.supports(.streaming))
        #expect(!capabilities.supports(.tools))
        #expect(model.isOffered(in: "us-central1"))
        #expect(!model.isOffered(in: "global"))
    }

    @Test("Endpoint templates give the documented hosts and model paths")
    func endpoints() throws {
        let vertex = try #require(Repository.catalogs[.vertexAI]?.endpoint)
        #expect(vertex.baseURL(location: "us-central1") == "https://us-central1-aiplatform.googleapis.com")
        #expect(vertex.baseURL(location: "global") == "https://aiplatform.googleapis.com")
        #expect(vertex.baseURL(location: nil) == "https://aiplatform.googleapis.com")
        #expect(vertex.baseURL(location: "us") == "https://aiplatform.us.rep.googleapis.com")
        #expect(vertex.baseURL(location: "eu") == "https://aiplatform.eu.rep.googleapis.com")
        #expect(vertex.defaultAPIVersion == "v1beta1")
        #expect(vertex.apiVersions == ["v1beta1", "v1"])
        #expect(
            vertex.modelPath(model: "gemini-2.0-flash", project: "p", location: "us-central1")
                == "projects/p/locations/us-central1/publishers/google/models/gemini-2.0-flash"
        )
        #expect(vertex.modelPath(model: "gemini-2.0-flash", express: true) == "publishers/google/models/gemini-2.0-flash")

        let studio = try #require(Repository.catalogs[.googleAIStudio]?.endpoint)
        #expect(studio.baseURL(location: nil) == "https://generativelanguage.googleapis.com")
        #expect(studio.defaultAPIVersion == "v1beta")
        #expect(studio.apiVersions.contains("v1"))
        #expect(studio.modelPath(model: "imagegeneration@006") == "models/imagegeneration@006")
    }

    @Test("A catalog with errors reports each with its line")
    func catalogErrors() {
        let yaml = """
            type: google-ai-studio
            auth: [api_key, password]
            endpoint:
              base_url: https://example.com
              api_versions: [v1]
              default_api_version: v2
              model_path: "models/{model}"
            models:
              m:
                input: [TEXT, SMELL]
                features: [tools, toolz]
                context_windw: 10
            """
        do {
            _ = try ProviderCatalog.parse(yaml: yaml, file: "Providers/x.yaml")
            Issue.record("the catalog should not load")
        } catch {
            #expect(
                error.issues.map(\.description) == [
                    #"Providers/x.yaml:2: auth[1]: "password" is not one of api_key, oauth, api_key_express"#,
                    #"Providers/x.yaml:6: endpoint.default_api_version: "v2" is not in api_versions"#,
                    #"Providers/x.yaml:10: models.m.input[1]: "SMELL" is not one of TEXT, IMAGE, AUDIO, VIDEO, DOCUMENT"#,
                    #"Providers/x.yaml:11: models.m.features[1]: "toolz" is not one of max_tokens, multi_turn, stop_sequences, streaming, structured_outputs, temperature, tool_choice, tools, top_k, top_p (did you mean "tools"?)"#,
                    #"Providers/x.yaml:12: models.m.context_windw: unknown key (did you mean "context_window"?)"#,
                ]
            )
        }
    }
}

@Suite("Provider endpoints")
struct ProviderEndpointTests {
    @Test("Configured providers resolve to the documented URLs")
    func urls() throws {
        let yaml = """
            providers:
              studio: {type: google-ai-studio, api_key: k}
              regional: {type: vertex-ai, project: p, location: us-central1}
              multi: {type: vertex-ai, project: p, location: eu, api_version: v1}
              express: {type: vertex-ai, api_key: k}
              local: {type: vertex-ai, project: p, location: us-central1, base_url: "http://127.0.0.1:8090/"}
            """
        let configuration = try Repository.configuration(yaml)
        #expect(
            configuration.endpoint(forProvider: "studio")?.url(model: "gemini-2.0-flash", method: "generateContent")
                == "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent"
        )
        #expect(
            configuration.endpoint(forProvider: "regional")?.url(model: "imagegeneration@006", method: "predict")
                == "https://us-central1-aiplatform.googleapis.com/v1beta1/projects/p/locations/us-central1/publishers/google/models/imagegeneration@006:predict"
        )
        #expect(
            configuration.endpoint(forProvider: "multi")?.url(model: "gemini-2.5-flash", method: "countTokens")
                == "https://aiplatform.eu.rep.googleapis.com/v1/projects/p/locations/eu/publishers/google/models/gemini-2.5-flash:countTokens"
        )
        #expect(
            configuration.endpoint(forProvider: "express")?.url(model: "gemini-2.0-flash", method: "generateContent")
                == "https://aiplatform.googleapis.com/v1beta1/publishers/google/models/gemini-2.0-flash:generateContent"
        )
        #expect(
            configuration.endpoint(forProvider: "local")?.url(model: "gemini-2.0-flash", method: "streamGenerateContent")
                == "http://127.0.0.1:8090/v1beta1/projects/p/locations/us-central1/publishers/google/models/gemini-2.0-flash:streamGenerateContent"
        )
        #expect(configuration.endpoint(forProvider: "nobody") == nil)
    }
}
