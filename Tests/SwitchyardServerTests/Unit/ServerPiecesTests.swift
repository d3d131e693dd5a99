import Foundation
import Switchyard
import Testing

@testable import SwitchyardServer

@Suite("Server pieces: auth, endpoints, images, errors")
struct ServerPiecesTests {
    @Test("keys are found in x-goog-api-key, ?key= and Authorization: Bearer, in that order")
    func presentedKey() {
        #expect(ClientAuthenticator.presentedKey(googleHeader: "a", queryKey: "b", authorization: "Bearer c") == "a")
        #expect(ClientAuthenticator.presentedKey(googleHeader: nil, queryKey: "b", authorization: "Bearer c") == "b")
        #expect(ClientAuthenticator.presentedKey(googleHeader: nil, queryKey: nil, authorization: "bearer  c") == "c")
        #expect(ClientAuthenticator.presentedKey(googleHeader: nil, queryKey: nil, authorization: "Basic c") == nil)
        #expect(ClientAuthenticator.presentedKey(googleHeader: "", queryKey: nil, authorization: nil) == nil)
    }

    @Test("key comparison: exact match only, any configured key")
    func check() {
        let authenticator = ClientAuthenticator(keys: ["alpha-key", "beta-key"])
        #expect(authenticator.check("alpha-key") == nil)
        #expect(authenticator.check("beta-key") == nil)
        #expect(authenticator.check("alpha-ke") == .wrong)
        #expect(authenticator.check("alpha-keyy") == .wrong)
        #expect(authenticator.check("") == .wrong)
        #expect(authenticator.check(nil) == .missing)
        #expect(ClientAuthenticator(keys: []).check(nil) == nil)
        #expect(ClientAuthenticator.constantTimeEquals(Array("abc".utf8), Array("abd".utf8)) == false)
        #expect(ClientAuthenticator.constantTimeEquals([], []) == true)
    }

    @Test("Gemini, Vertex and OpenAI paths resolve to endpoints")
    func endpoints() {
        func resolve(_ method: String, _ path: String, google: Bool = false) -> String {
            switch try? EndpointResolver.resolve(method: method, path: path, hints: .init(hasGoogleAPIKeyHeader: google)).get() {
            case .geminiCall(let model, let method)?: return "call \(model) \(method.rawValue)"
            case .geminiListModels(let vertex)?: return "list vertex=\(vertex)"
            case .geminiGetModel(let model, let vertex)?: return "get \(model) vertex=\(vertex)"
            case .chatCompletions?: return "chat"
            case .imageGenerations?: return "images"
            case .openAIListModels?: return "openai list"
            case .openAIGetModel(let model)?: return "openai get \(model)"
            case .health?: return "health"
            case .readiness?: return "ready"
            case .metrics?: return "metrics"
            case nil: return "error"
            }
        }
        #expect(resolve("POST", "/v1beta/models/chat:generateContent") == "call chat generateContent")
        #expect(resolve("POST", "/v1/models/models%2Fgemini-2.5-flash:streamGenerateContent") == "call gemini-2.5-flash streamGenerateContent")
        #expect(resolve("POST", "/v1beta1/projects/p/locations/us-central1/publishers/google/models/imagen:predict") == "call imagen predict")
        #expect(resolve("POST", "/v1/publishers/google/models/chat:countTokens") == "call chat countTokens")
        #expect(resolve("GET", "/v1beta/models") == "list vertex=false")
        #expect(resolve("GET", "/v1beta1/publishers/google/models") == "list vertex=true")
        #expect(resolve("GET", "/v1/models", google: true) == "list vertex=false")
        #expect(resolve("GET", "/v1/models") == "openai list")
        #expect(resolve("GET", "/v1/models/chat") == "openai get chat")
        #expect(resolve("GET", "/v1beta/models/chat") == "get chat vertex=false")
        #expect(resolve("POST", "/v1/chat/completions") == "chat")
        #expect(resolve("POST", "/v1/images/generations") == "images")
        #expect(resolve("GET", "/healthz") == "health")
        #expect(resolve("GET", "/readyz") == "ready")
        #expect(resolve("GET", "/metrics") == "metrics")
        // The fast path for the common call and the general resolver agree at their edges.
        #expect(resolve("POST", "/v1alpha/models/gemini-2.5-flash:countTokens") == "call gemini-2.5-flash countTokens")
        #expect(resolve("POST", "/v1beta/models/models/gemini-2.5-flash:generateContent") == "call gemini-2.5-flash generateContent")
        #expect(resolve("POST", "/v1beta/models/imagegeneration@006:predict") == "call imagegeneration@006 predict")
        #expect(resolve("POST", "/v1beta/models/models:generateContent") == "call models generateContent")
        #expect(resolve("POST", "/v1beta/models/a:b:generateContent") == "call a:b generateContent")
        #expect(resolve("POST", "/v1beta/models/chat:generateContent/") == "call chat generateContent")
        #expect(resolve("POST", "/v1beta/models/:generateContent") == "error")
        #expect(resolve("POST", "/v1beta/models/x/y:generateContent") == "error")
    }

    @Test("wrong method → 405 with Allow; unknown path and unknown method verb → 404")
    func endpointErrors() {
        func failure(_ method: String, _ path: String) -> SurfacedError? {
            if case .failure(let error) = EndpointResolver.resolve(method: method, path: path, hints: .init()) { return error }
            return nil
        }
        #expect(failure("GET", "/v1beta/models/chat:generateContent")?.error.httpStatus == 405)
        #expect(failure("GET", "/v1beta/models/chat:generateContent")?.error.headers.first?.value == "POST")
        #expect(failure("GET", "/v1/chat/completions")?.surface == .openAI)
        #expect(failure("POST", "/v1beta/models")?.error.httpStatus == 405)
        #expect(failure("POST", "/v1beta/models/chat:embedContent")?.error.httpStatus == 404)
        #expect(failure("GET", "/nothing/here")?.error.httpStatus == 404)
        #expect(failure("GET", "/v2/models")?.error.googleStatus == "NOT_FOUND")
    }

    @Test("image sizes map to the closest aspect ratio; url output is refused")
    func imageSizes() throws {
        #expect(try ImageGenerationTranslation.aspectRatio(forSize: "1024x1024") == "1:1")
        #expect(try ImageGenerationTranslation.aspectRatio(forSize: "1792x1024") == "16:9")
        #expect(try ImageGenerationTranslation.aspectRatio(forSize: "1024x1792") == "9:16")
        #expect(try ImageGenerationTranslation.aspectRatio(forSize: "1024x768") == "4:3")
        #expect(throws: ServerError.self) { try ImageGenerationTranslation.aspectRatio(forSize: "big") }
        let request = ImageGenerationRequest(model: "imagen", prompt: "a cat", n: 2, size: "1536x1024", responseFormat: "url")
        #expect {
            try ImageGenerationTranslation.predictRequest(from: request)
        } throws: { error in
            (error as? ServerError)?.parameter == "response_format"
        }
    }

    @Test("errors render in Google's and OpenAI's shapes")
    func errorShapes() throws {
        let error = ServerError(SwitchyardError(.unknownModel, "models/x is not a route"))
        #expect(
            JSONComparison.same(
                try ServerJSON.encode(error.googleBody),
                #"{"error":{"code":404,"message":"models/x is not a route","status":"NOT_FOUND"}}"#
            )
        )
        #expect(
            JSONComparison.same(
                try ServerJSON.encode(error.openAIBody),
                #"{"error":{"message":"models/x is not a route","type":"not_found_error","param":null,"code":"model_not_found"}}"#
            )
        )
        let limited = ServerError(SwitchyardError(.rateLimited, "quota", retryAfter: .milliseconds(1500)))
        #expect(limited.headers.first { $0.name == "Retry-After" }?.value == "2")
    }
}

@Suite("OpenAI error codes")
struct OpenAIErrorCodeTests {
    @Test("Switchyard codes become snake_case OpenAI codes, acronyms kept together")
    func snakeCase() {
        #expect(ServerError.snakeCase("invalidAPIKey") == "invalid_api_key")
        #expect(ServerError.snakeCase("unknownModel") == "unknown_model")
        #expect(ServerError.snakeCase("upstreamUnavailable") == "upstream_unavailable")
        #expect(ServerError.snakeCase("internal") == "internal")
    }
}
