import Foundation
import SwitchyardCore
import SwitchyardCrypto

/// One candidate of an answer.
struct GeneratedCandidate: Sendable {
    var parts: [JSONValue]
    var finishReason: String
}

/// A complete answer with the token counts its `usageMetadata` reports.
struct GeneratedAnswer: Sendable {
    var candidates: [GeneratedCandidate]
    var promptTokens: TokenCount
    var candidateTokens: TokenCount
    var thoughtTokens: Int
    var responseID: String
}

/// The emulator's Gemini: deterministic answers derived from the request, so tests can assert on them.
///
/// - Text: `Echo: <last user text> [<model> #<hash>]`, the hash over the whole conversation.
/// - `maxOutputTokens` truncates (finish reason `MAX_TOKENS`); `stopSequences` cut before the first match.
/// - JSON mime type with a schema: a value that conforms to the schema.
/// - Tools: a declared function mentioned in the prompt (or any, with mode `ANY`) is called with arguments from its schema.
/// - Image output: text plus PNG parts; a conversation that carries an image gets that image back with a new band;
///   "N scenes/steps/panels" gives N interleaved text and image parts.
enum GenerateContentBehaviour {
    static let allowedMimeTypes: Set<String> = ["text/plain", "application/json", "application/xml", "application/yaml", "text/x.enum"]

    /// Checks what Google checks after parsing, before generating.
    static func validate(_ view: GenerateRequestView, model: EmulatedModel, backend: Backend) throws(GoogleError) {
        if view.contents.isEmpty {
            throw backend == .aiStudio
                ? .invalidArgument("* GenerateContentRequest.contents: contents is not specified\n")
                : .invalidArgument(
                    "Unable to submit request because it must include at least one parts field, which describes the prompt input. Learn more: https://cloud.google.com/vertex-ai/generative-ai/docs/model-reference/gemini"
                )
        }
        for (index, content) in view.contents.enumerated() {
            if let role = content.string("role"), !role.isEmpty, role != "user", role != "model" {
                throw .invalidArgument("Please use a valid role: user, model.")
            }
            if content.list("parts").isEmpty {
                throw backend == .aiStudio
                    ? .invalidArgument("* GenerateContentRequest.contents[\(index)].parts: contents.parts must not be empty.\n")
                    : .invalidArgument(
                        "Unable to submit request because it must include at least one parts field, which describes the prompt input. Learn more: https://cloud.google.com/vertex-ai/generative-ai/docs/model-reference/gemini"
                    )
            }
        }
        if let mime = view.generationConfig?.string("responseMimeType"), !mime.isEmpty, !allowedMimeTypes.contains(mime) {
            throw .invalidArgument(
                "* GenerateContentRequest.generation_config.response_mime_type: allowed mimetypes are `text/plain`, `application/json`, `application/xml`, `application/yaml` and `text/x.enum`.\n"
            )
        }
        if view.wantsImage {
            // Google lists the requested modalities in lower case, e.g. "image,text".
            let requested = Set(view.responseModalities.map { $0.lowercased() }).sorted().joined(separator: ",")
            if model.kind != .geminiImage {
                throw .invalidArgument("Model does not support the requested response modalities: \(requested)")
            }
            if model.id == "gemini-2.0-flash-preview-image-generation", !view.responseModalities.contains("TEXT") {
                throw .invalidArgument("Model does not support the requested response modalities: \(requested)")
            }
            let ratio = view.generationConfig?.field("imageConfig")?.string("aspectRatio")
            if ImageGenerator.dimensions(aspectRatio: ratio) == nil {
                throw .invalidArgument(
                    "* GenerateContentRequest.generation_config.image_config.aspect_ratio: Unsupported aspect ratio: \(ratio ?? "")\n"
                )
            }
        }
        if let maximum = view.generationConfig?.integer("maxOutputTokens"), backend == .vertex,
            maximum < 1 || maximum >= model.vertexOutputBound
        {
            throw .invalidArgument(
                "Unable to submit request because it has a maxOutputTokens value of \(maximum) but the supported range is from 1 (inclusive) to \(model.vertexOutputBound) (exclusive). Update the value and try again."
            )
        }
        let prompt = TokenEstimator.prompt(contents: view.contents, systemInstruction: view.systemInstruction, tools: view.tools)
        if prompt.total > model.inputTokenLimit {
            throw .invalidArgument("The input token count (\(prompt.total)) exceeds the maximum number of tokens allowed (\(model.inputTokenLimit)).")
        }
    }

    static func answer(_ view: GenerateRequestView, model: EmulatedModel) -> GeneratedAnswer {
        let prompt = TokenEstimator.prompt(contents: view.contents, systemInstruction: view.systemInstruction, tools: view.tools)
        let conversation = EmulatorJSON.canonicalString(.array(view.contents)) + EmulatorJSON.canonicalString(view.systemInstruction ?? .null)
        let hash = String(SHA256.hexHash(Array((model.id + conversation).utf8)).prefix(8))
        let responseID = Base64URL.encode(SHA256.hash(Array((hash + "response").utf8)).prefix(12))
        let config = view.generationConfig
        let candidateCount = max(1, min(8, config?.integer("candidateCount") ?? 1))

        var candidates: [GeneratedCandidate] = []
        var candidateTokens = TokenCount()
        var thoughtTokens = 0
        for index in 0..<candidateCount {
            var candidate = makeCandidate(view, model: model, hash: hash, index: index)
            if model.thinking, config?.field("thinkingConfig")?.field("includeThoughts")?.boolValue == true {
                let thought = "Thinking about: \(view.lastUserText)"
                candidate.parts.insert(.members([("text", .string(thought)), ("thought", true)]), at: 0)
                thoughtTokens += TokenEstimator.tokens(text: thought)
            }
            for part in candidate.parts where part.field("thought")?.boolValue != true {
                if part.field("inlineData") != nil {
                    candidateTokens.add("IMAGE", TokenEstimator.tokensPerOutputImage)
                } else {
                    TokenEstimator.count(part: part, into: &candidateTokens)
                }
            }
            candidates.append(candidate)
        }
        return GeneratedAnswer(
            candidates: candidates,
            promptTokens: prompt,
            candidateTokens: candidateTokens,
            thoughtTokens: thoughtTokens,
            responseID: responseID
        )
    }

    private static func makeCandidate(_ view: GenerateRequestView, model: EmulatedModel, hash: String, index: Int) -> GeneratedCandidate {
        if let calls = FunctionCallPlanner.calls(for: view), !calls.isEmpty {
            return GeneratedCandidate(parts: calls.map { .members([("functionCall", $0)]) }, finishReason: "STOP")
        }
        if view.wantsImage, model.kind == .geminiImage {
            return GeneratedCandidate(parts: imageParts(view), finishReason: "STOP")
        }
        let config = view.generationConfig
        var text: String
        let mime = config?.string("responseMimeType") ?? "text/plain"
        if mime == "application/json" {
            if let schema = config?.field("responseJsonSchema") ?? config?.field("responseSchema") {
                text = EmulatorJSON.compactString(SchemaValueGenerator(root: schema, hint: view.lastUserText).value())
            } else {
                text = EmulatorJSON.compactString(.members([("echo", .string(view.lastUserText))]))
            }
        } else if mime == "text/x.enum", let options = config?.field("responseSchema")?.list("enum"), let first = options.first?.stringValue {
            text = first
        } else if let responses = Optional(view.lastFunctionResponses), !responses.isEmpty, view.lastRole == "user" {
            text = responses.map { response in
                "Echo: \(response.string("name") ?? "function") returned \(EmulatorJSON.compactString(response.field("response") ?? .object([:])))"
            }.joined(separator: "\n")
        } else {
            let userText = view.lastUserText.isEmpty ? "(no text)" : view.lastUserText
            text = "Echo: \(userText) [\(model.id) #\(hash)]"
        }
        if index > 0 { text += " (candidate \(index + 1))" }

        var finishReason = "STOP"
        let stops = config?.list("stopSequences").compactMap(\.stringValue).filter { !$0.isEmpty } ?? []
        if let cut = stops.compactMap({ text.range(of: $0)?.lowerBound }).min() {
            text = String(text[..<cut])
        }
        if let maximum = config?.integer("maxOutputTokens"), maximum > 0, TokenEstimator.tokens(text: text) > maximum {
            var kept = ""
            for character in text {
                if kept.utf8.count + String(character).utf8.count > maximum * 4 { break }
                kept.append(character)
            }
            text = kept
            finishReason = "MAX_TOKENS"
        }
        return GeneratedCandidate(parts: [.members([("text", .string(text))])], finishReason: finishReason)
    }

    /// How many scenes a prompt asks for ("a story in 3 scenes", "four steps"), or 1.
    static func sceneCount(in text: String) -> Int {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        let numbers = ["two": 2, "three": 3, "four": 4, "five": 5, "six": 6]
        let nouns: Set<String> = [
            "scenes", "steps", "panels", "parts", "pictures", "images", "illustrations", "frames", "stages", "chapters",
        ]
        for index in words.indices.dropLast() where nouns.contains(words[index + 1]) {
            if let number = Int(words[index]) ?? numbers[words[index]], number > 1 { return min(number, 6) }
        }
        return 1
    }

    private static func imageParts(_ view: GenerateRequestView) -> [JSONValue] {
        let prompt = view.lastUserText
        let ratio = view.generationConfig?.field("imageConfig")?.string("aspectRatio")
        let (width, height) = ImageGenerator.dimensions(aspectRatio: ratio) ?? (ImageGenerator.longSide, ImageGenerator.longSide)
        let earlier = view.inlineImages
        var base: PNGImage?
        if let latest = earlier.last, let bytes = Base64Text.decode(latest.data) {
            base = PNGImage.decode(bytes) ?? ImageGenerator.pictureFromForeignImage(bytes, width: width, height: height)
        }
        let scenes = sceneCount(in: prompt)
        var parts: [JSONValue] = []
        for scene in 1...scenes {
            let scenePrompt = scenes > 1 ? "\(prompt) (scene \(scene))" : prompt
            let image: PNGImage
            if let base {
                image = ImageGenerator.edit(base, prompt: scenePrompt, editNumber: earlier.count + scene - 1)
            } else {
                image = ImageGenerator.picture(prompt: scenePrompt, variant: scene, width: width, height: height)
            }
            if view.wantsText {
                let caption: String
                if scenes > 1 {
                    caption = "Scene \(scene) of \(scenes): \(prompt)"
                } else if base != nil {
                    caption = "Here is the edited image: \(prompt)"
                } else {
                    caption = "Here is the image you asked for: \(prompt)"
                }
                parts.append(.members([("text", .string(caption))]))
            }
            parts.append(
                .members([
                    (
                        "inlineData",
                        .members([("mimeType", "image/png"), ("data", .string(Data(image.encoded()).base64EncodedString()))])
                    )
                ])
            )
        }
        return parts
    }

    // MARK: Wire form

    static func usage(prompt: TokenCount, candidates: TokenCount, thoughts: Int, backend: Backend) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("promptTokenCount", .integer(Int64(prompt.total))),
            ("candidatesTokenCount", .integer(Int64(candidates.total))),
            ("totalTokenCount", .integer(Int64(prompt.total + candidates.total + thoughts))),
        ]
        if thoughts > 0 { members.append(("thoughtsTokenCount", .integer(Int64(thoughts)))) }
        members.append(("promptTokensDetails", prompt.details))
        if candidates.total > 0 { members.append(("candidatesTokensDetails", candidates.details)) }
        if backend == .vertex { members.append(("trafficType", "ON_DEMAND")) }
        return .members(members)
    }

    /// A `GenerateContentResponse`; `finish` false leaves out finish reasons (for stream chunks before the last).
    static func response(
        candidates: [(parts: [JSONValue], finishReason: String?)],
        usage: JSONValue,
        model: EmulatedModel,
        backend: Backend,
        responseID: String
    ) -> JSONValue {
        let candidateValues: [JSONValue] = candidates.enumerated().map { index, candidate in
            var members: [(String, JSONValue)] = [
                ("content", .members([("parts", .array(candidate.parts)), ("role", "model")]))
            ]
            if let finishReason = candidate.finishReason { members.append(("finishReason", .string(finishReason))) }
            members.append(("index", .integer(Int64(index))))
            return .members(members)
        }
        var members: [(String, JSONValue)] = [("candidates", .array(candidateValues)), ("usageMetadata", usage)]
        members.append(("modelVersion", .string(model.id)))
        if backend == .vertex {
            members.append(("createTime", .string(Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)))))
        }
        members.append(("responseId", .string(responseID)))
        return .members(members)
    }

    static func unaryResponse(_ answer: GeneratedAnswer, model: EmulatedModel, backend: Backend) -> JSONValue {
        response(
            candidates: answer.candidates.map { ($0.parts, $0.finishReason) },
            usage: usage(prompt: answer.promptTokens, candidates: answer.candidateTokens, thoughts: answer.thoughtTokens, backend: backend),
            model: model,
            backend: backend,
            responseID: answer.responseID
        )
    }

    /// The answer split into several stream chunks: text in word groups, each image and thought on its own,
    /// function calls together; `usageMetadata` on every chunk, the finish reason on the last.
    static func streamChunks(_ answer: GeneratedAnswer, model: EmulatedModel, backend: Backend) -> [JSONValue] {
        guard let candidate = answer.candidates.first else { return [] }
        var pieces: [[JSONValue]] = []
        var calls: [JSONValue] = []
        for part in candidate.parts {
            if part.field("functionCall") != nil {
                calls.append(part)
                continue
            }
            if let text = part.string("text"), part.field("thought")?.boolValue != true {
                for piece in splitText(text) { pieces.append([.members([("text", .string(piece))])]) }
            } else {
                pieces.append([part])
            }
        }
        if !calls.isEmpty { pieces.append(calls) }
        if pieces.isEmpty { pieces = [[.members([("text", "")])]] }

        var emitted = TokenCount()
        var chunks: [JSONValue] = []
        for (index, parts) in pieces.enumerated() {
            let isLast = index == pieces.count - 1
            for part in parts where part.field("thought")?.boolValue != true {
                if part.field("inlineData") != nil {
                    emitted.add("IMAGE", TokenEstimator.tokensPerOutputImage)
                } else {
                    TokenEstimator.count(part: part, into: &emitted)
                }
            }
            let counted = isLast ? answer.candidateTokens : emitted
            chunks.append(
                response(
                    candidates: [(parts, isLast ? candidate.finishReason : nil)],
                    usage: usage(prompt: answer.promptTokens, candidates: counted, thoughts: answer.thoughtTokens, backend: backend),
                    model: model,
                    backend: backend,
                    responseID: answer.responseID
                )
            )
        }
        return chunks
    }

    /// Splits text into up to three word groups that concatenate back to the text.
    static func splitText(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == " " {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        guard words.count > 1 else { return [text] }
        let groups = min(3, words.count)
        let size = (words.count + groups - 1) / groups
        return stride(from: 0, to: words.count, by: size).map { words[$0..<min(words.count, $0 + size)].joined() }
    }
}
