import Foundation
import SwitchyardCore
import SwitchyardCrypto

/// Listing and the model methods shared by both surfaces: payload parsing, validation and answers.
extension EmulatorCore {
    // MARK: Listing

    func list(_ incoming: Incoming, entries: [JSONValue], key: String, version: String) -> Reply {
        var pageSize = 50
        if let text = incoming.queryValue("pageSize") {
            guard let size = Int(text), size >= 0 else {
                return .error(.invalidArgument("Invalid value at 'page_size' (TYPE_INT32), \"\(text)\""))
            }
            pageSize = size == 0 ? 50 : min(size, 1000)
        }
        var offset = 0
        if let token = incoming.queryValue("pageToken"), !token.isEmpty {
            guard let decoded = Base64Text.decode(token).map({ String(decoding: $0, as: UTF8.self) }), decoded.hasPrefix("offset:"),
                let value = Int(decoded.dropFirst("offset:".count)), value >= 0, value <= entries.count
            else {
                return .error(.invalidArgument("Invalid page token."))
            }
            offset = value
        }
        let page = Array(entries[offset..<min(entries.count, offset + pageSize)])
        var members: [(String, JSONValue)] = [(key, .array(page))]
        if offset + pageSize < entries.count {
            members.append(("nextPageToken", .string(Base64URL.encodeText("offset:\(offset + pageSize)"))))
        }
        return .json(.members(members))
    }

    // MARK: Model calls

    func modelCall(
        _ incoming: Incoming,
        route: Route,
        backend: Backend,
        version: String,
        modelID: String,
        method: String,
        lookup: () -> Result<EmulatedModel, GoogleError>
    ) async -> Reply {
        let isStream = method == "streamGenerateContent"
        let fault = await applyFault(route: route, isStream: isStream)
        if let reply = fault.reply { return reply }
        let model: EmulatedModel
        switch lookup() {
        case .success(let found): model = found
        case .failure(let error): return .error(error)
        }
        let payload: JSONValue
        if incoming.body.isEmpty {
            payload = .object([:])
        } else {
            do {
                payload = try EmulatorJSON.parse(incoming.body)
            } catch {
                return .error(.badRequest([FieldViolation(field: nil, description: error.message)]))
            }
        }
        let validator = PayloadValidator(backend: backend, version: version)
        let messageName: String
        switch method {
        case "countTokens": messageName = backend == .aiStudio ? "AIStudioCountTokensRequest" : "VertexCountTokensRequest"
        case "predict": messageName = "PredictRequest"
        default: messageName = "GenerateContentRequest"
        }
        let violations = validator.violations(in: payload, message: messageName)
        if !violations.isEmpty { return .error(.badRequest(violations)) }

        do {
            let reply: Reply
            switch method {
            case "countTokens":
                reply = try countTokens(payload, model: model, backend: backend)
            case "predict":
                try ImagenBehaviour.validate(payload, backend: backend)
                reply = .json(ImagenBehaviour.predict(payload, model: model, triggerWord: configuration.imagenTriggerWord))
            default:
                let view = GenerateRequestView(payload)
                try GenerateContentBehaviour.validate(view, model: model, backend: backend)
                let answer = GenerateContentBehaviour.answer(view, model: model)
                if isStream {
                    let chunks = GenerateContentBehaviour.streamChunks(answer, model: model, backend: backend)
                    reply = streamReply(chunks, sse: incoming.queryValue("alt") == "sse", fault: fault.stream)
                } else {
                    reply = .json(GenerateContentBehaviour.unaryResponse(answer, model: model, backend: backend))
                }
            }
            await state.count { $0.modelCallsSucceeded += 1 }
            return reply
        } catch {
            return .error(error)
        }
    }

    func countTokens(_ payload: JSONValue, model: EmulatedModel, backend: Backend) throws(GoogleError) -> Reply {
        let count: TokenCount
        if let inner = payload.field("generateContentRequest") {
            let view = GenerateRequestView(inner)
            count = TokenEstimator.prompt(contents: view.contents, systemInstruction: view.systemInstruction, tools: view.tools)
        } else {
            let view = GenerateRequestView(payload)
            if view.contents.isEmpty, payload.field("instances") == nil {
                throw backend == .aiStudio
                    ? .invalidArgument("* CountTokensRequest.contents: contents is not specified\n")
                    : .invalidArgument("Unable to submit request because it must include at least one parts field, which describes the prompt input.")
            }
            count = TokenEstimator.prompt(contents: view.contents, systemInstruction: view.systemInstruction, tools: view.tools)
        }
        var members: [(String, JSONValue)] = [("totalTokens", .integer(Int64(count.total)))]
        if backend == .vertex {
            let characters = GenerateRequestView(payload).contents.flatMap { $0.list("parts") }.compactMap { $0.string("text") }
                .reduce(0) { $0 + $1.filter { !$0.isWhitespace }.count }
            members.append(("totalBillableCharacters", .integer(Int64(characters))))
        }
        members.append(("promptTokensDetails", count.details))
        return .json(.members(members))
    }

    /// `alt=sse`: `data: <json>\r\n\r\n` events; otherwise Google's streamed JSON array.
    func streamReply(_ chunks: [JSONValue], sse: Bool, fault: StreamFault?) -> Reply {
        var errorAfter: Int?
        if case .errorAfter(let count) = fault { errorAfter = count }
        var pieces: [Data] = []
        let errorBody = GoogleError.forStatus(500).body
        for (index, chunk) in chunks.enumerated() {
            if let errorAfter, index == errorAfter { break }
            if sse {
                pieces.append(Data("data: \(EmulatorJSON.compactString(chunk))\r\n\r\n".utf8))
            } else {
                let prefix = index == 0 ? "[" : ",\r\n"
                pieces.append(Data(prefix.utf8) + EmulatorJSON.serialize(chunk, pretty: true).dropLast())
            }
        }
        if errorAfter != nil {
            if sse {
                pieces.append(Data("data: \(EmulatorJSON.compactString(errorBody))\r\n\r\n".utf8))
            } else {
                pieces.append(Data(((pieces.isEmpty ? "[" : ",\r\n") + EmulatorJSON.compactString(errorBody) + "]").utf8))
            }
        } else if !sse {
            pieces.append(Data("]".utf8))
        }
        let contentType = sse ? "text/event-stream" : "application/json; charset=UTF-8"
        if case .pauseAfter(let count, let pause) = fault {
            return Reply(status: 200, headers: [("Content-Type", contentType)], body: .pausedChunks(pieces, before: count, pause: pause))
        }
        return Reply(status: 200, headers: [("Content-Type", contentType)], body: .chunks(pieces))
    }
}
