import SwitchyardConfig
import SwitchyardCore
import Testing

@testable import SwitchyardProviders

@Suite("Endpoints: hosts, API versions, model paths")
struct EndpointTests {
    @Test("AI Studio: v1beta by default, v1 configurable, base_url override keeps the path")
    func aiStudio() throws {
        #expect(
            try GoogleEndpoint.aiStudio().methodURL(model: "gemini-2.5-flash", method: "generateContent")
                == "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent"
        )
        #expect(
            try GoogleEndpoint.aiStudio(apiVersion: "v1").methodURL(model: "gemini-2.5-flash", method: "streamGenerateContent", query: "alt=sse")
                == "https://generativelanguage.googleapis.com/v1/models/gemini-2.5-flash:streamGenerateContent?alt=sse"
        )
        #expect(
            try GoogleEndpoint.aiStudio(baseURL: "http://127.0.0.1:8090/").methodURL(model: "models/gemini-2.0-flash", method: "countTokens")
                == "http://127.0.0.1:8090/v1beta/models/gemini-2.0-flash:countTokens"
        )
        #expect(
            try GoogleEndpoint.aiStudio().methodURL(model: "tunedModels/my-tune-42", method: "generateContent")
                == "https://generativelanguage.googleapis.com/v1beta/tunedModels/my-tune-42:generateContent"
        )
        #expect(
            try GoogleEndpoint.aiStudio().listModelsURL(pageSize: 50, pageToken: "a+b/c")
                == "https://generativelanguage.googleapis.com/v1beta/models?pageSize=50&pageToken=a%2Bb%2Fc"
        )
    }

    @Test(
        "Vertex AI: regional, global, no location, multi-region .rep. hosts; v1beta1 default and v1",
        arguments: [
            (
                "us-central1", "v1beta1",
                "https://us-central1-aiplatform.googleapis.com/v1beta1/projects/p/locations/us-central1/publishers/google/models/gemini-2.5-flash:generateContent"
            ),
            (
                "global", "v1beta1",
                "https://aiplatform.googleapis.com/v1beta1/projects/p/locations/global/publishers/google/models/gemini-2.5-flash:generateContent"
            ),
            (
                "", "v1",
                "https://aiplatform.googleapis.com/v1/projects/p/locations/global/publishers/google/models/gemini-2.5-flash:generateContent"
            ),
            (
                "us", "v1",
                "https://aiplatform.us.rep.googleapis.com/v1/projects/p/locations/us/publishers/google/models/gemini-2.5-flash:generateContent"
            ),
            (
                "eu", "v1beta1",
                "https://aiplatform.eu.rep.googleapis.com/v1beta1/projects/p/locations/eu/publishers/google/models/gemini-2.5-flash:generateContent"
            ),
            (
                "europe-west4", "v1",
                "https://europe-west4-aiplatform.googleapis.com/v1/projects/p/locations/europe-west4/publishers/google/models/gemini-2.5-flash:generateContent"
            ),
        ]
    )
    func vertex(location: String, version: String, expected: String) throws {
        let endpoint = try GoogleEndpoint.vertexAI(project: "p", location: location.isEmpty ? nil : location, apiVersion: version)
        #expect(try endpoint.methodURL(model: "gemini-2.5-flash", method: "generateContent") == expected)
        #expect(!endpoint.isExpress)
    }

    @Test("Vertex AI: global never becomes global-aiplatform (litellm#9234, vercel/ai#6644)")
    func globalHost() throws {
        let endpoint = try GoogleEndpoint.vertexAI(project: "p", location: "global")
        #expect(endpoint.baseURL == "https://aiplatform.googleapis.com")
        #expect(!endpoint.baseURL.contains("global-"))
    }

    @Test("Vertex AI express mode: global host, no project in the path, @ versions kept")
    func express() throws {
        let endpoint = try GoogleEndpoint.vertexAIExpress()
        #expect(endpoint.isExpress)
        #expect(
            try endpoint.methodURL(model: "gemini-2.0-flash", method: "generateContent")
                == "https://aiplatform.googleapis.com/v1beta1/publishers/google/models/gemini-2.0-flash:generateContent"
        )
        #expect(
            try endpoint.methodURL(model: "imagegeneration@006", method: "predict")
                == "https://aiplatform.googleapis.com/v1beta1/publishers/google/models/imagegeneration@006:predict"
        )
        #expect(
            endpoint.listModelsURL(pageSize: 10, pageToken: nil) == "https://aiplatform.googleapis.com/v1beta1/publishers/google/models?pageSize=10"
        )
    }

    @Test("Vertex AI base_url override keeps the full project/location path")
    func vertexOverride() throws {
        let endpoint = try GoogleEndpoint.vertexAI(project: "p", location: "us-central1", baseURL: "http://127.0.0.1:9000")
        #expect(
            try endpoint.methodURL(model: "publishers/google/models/imagen-3.0-generate-002", method: "predict")
                == "http://127.0.0.1:9000/v1beta1/projects/p/locations/us-central1/publishers/google/models/imagen-3.0-generate-002:predict"
        )
    }

    @Test("bad endpoint settings are configuration errors naming the value")
    func badSettings() {
        func expectConfigurationError(_ value: String, _ make: () throws -> GoogleEndpoint) {
            do {
                _ = try make()
                Issue.record("\(value) must be refused")
            } catch {
                #expect(error.switchyard?.code == .configuration)
                #expect(error.switchyard?.message.contains(value) ?? false)
            }
        }
        expectConfigurationError("v1/../x") { try GoogleEndpoint.aiStudio(apiVersion: "v1/../x") }
        expectConfigurationError("ftp://example.com") { try GoogleEndpoint.aiStudio(baseURL: "ftp://example.com") }
        expectConfigurationError("a/b") { try GoogleEndpoint.vertexAI(project: "a/b") }
        expectConfigurationError("us central") { try GoogleEndpoint.vertexAI(project: "p", location: "us central") }
    }

    @Test("the factory resolves hosts from the repository catalogs")
    func factoryFromCatalog() throws {
        func url(_ settings: ProviderSettings, _ backend: Backend) throws -> String {
            try GoogleProviderFactory.endpoint(settings: settings, catalog: ProviderHarness.catalog(backend))
                .methodURL(model: "gemini-2.5-flash", method: "generateContent")
        }
        var studio = ProviderSettings(name: "studio", type: .googleAIStudio)
        #expect(try url(studio, .aiStudio) == "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent")
        studio.apiVersion = "v1"
        #expect(try url(studio, .aiStudio) == "https://generativelanguage.googleapis.com/v1/models/gemini-2.5-flash:generateContent")

        var vertex = ProviderSettings(name: "vertex", type: .vertexAI)
        vertex.project = "p"
        #expect(
            try url(vertex, .vertexAI)
                == "https://aiplatform.googleapis.com/v1beta1/projects/p/locations/global/publishers/google/models/gemini-2.5-flash:generateContent"
        )
        vertex.location = "eu"
        #expect(
            try url(vertex, .vertexAI)
                == "https://aiplatform.eu.rep.googleapis.com/v1beta1/projects/p/locations/eu/publishers/google/models/gemini-2.5-flash:generateContent"
        )
        vertex.location = "asia-northeast1"
        vertex.baseURL = "http://127.0.0.1:1234/"
        #expect(
            try url(vertex, .vertexAI)
                == "http://127.0.0.1:1234/v1beta1/projects/p/locations/asia-northeast1/publishers/google/models/gemini-2.5-flash:generateContent"
        )
        var express = ProviderSettings(name: "express", type: .vertexAI)
        express.apiKey = Secret("k")
        #expect(try url(express, .vertexAI) == "https://aiplatform.googleapis.com/v1beta1/publishers/google/models/gemini-2.5-flash:generateContent")
    }

    @Test("a regional Vertex provider serves only the catalog models offered in its region")
    func regionalModels() {
        var settings = ProviderSettings(name: "vertex", type: .vertexAI)
        settings.project = "p"
        settings.location = "global"
        let global = GoogleProviderFactory.models(settings: settings, catalog: ProviderHarness.catalog(.vertexAI))
        #expect(global["gemini-2.5-flash"] != nil)
        #expect(global["imagen-3.0-generate-002"] == nil, "Imagen is regional only")
        settings.location = "us-central1"
        let regional = GoogleProviderFactory.models(settings: settings, catalog: ProviderHarness.catalog(.vertexAI))
        #expect(regional["imagen-3.0-generate-002"]?.apiMethod == .predict)
    }

    @Test("credentials per settings: AI Studio key, Vertex file/ADC, express key; inconsistent settings refused")
    func credentialChoice() {
        var studio = ProviderSettings(name: "studio", type: .googleAIStudio)
        #expect(throws: SwitchyardError.self) { try GoogleProviderFactory.credentialFactory(settings: studio) }
        studio.apiKey = Secret("k")
        #expect(throws: Never.self) { try GoogleProviderFactory.credentialFactory(settings: studio) }

        var vertex = ProviderSettings(name: "vertex", type: .vertexAI)
        #expect(throws: SwitchyardError.self) { try GoogleProviderFactory.credentialFactory(settings: vertex) }
        vertex.project = "p"
        #expect(throws: Never.self) { try GoogleProviderFactory.credentialFactory(settings: vertex) }
        vertex.apiKey = Secret("k")
        do {
            _ = try GoogleProviderFactory.credentialFactory(settings: vertex)
            Issue.record("an API key with a project must be refused")
        } catch {
            #expect(error.code == .configuration)
            #expect(error.message.contains("express mode"))
        }
    }
}
