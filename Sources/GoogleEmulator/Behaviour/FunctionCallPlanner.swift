import Foundation
import SwitchyardCore

/// Decides whether the model calls a declared function, honouring `toolConfig.functionCallingConfig`.
///
/// `NONE` never calls. `AUTO` (the default) calls the declared functions the last user text mentions by name, and not
/// when the last turn carries function responses. `ANY` always calls: the mentioned functions among the allowed ones,
/// else the first allowed one.
enum FunctionCallPlanner {
    /// The `functionCall` objects to answer with, or `nil` for a text answer.
    static func calls(for view: GenerateRequestView) -> [JSONValue]? {
        let declarations = view.tools.flatMap { $0.list("functionDeclarations") }
        guard !declarations.isEmpty else { return nil }
        let config = view.toolConfig?.field("functionCallingConfig")
        let mode = config?.string("mode") ?? "AUTO"
        if mode == "NONE" { return nil }
        let prompt = view.lastUserText.lowercased()
        func mentioned(_ declaration: JSONValue) -> Bool {
            guard let name = declaration.string("name")?.lowercased(), !name.isEmpty else { return false }
            return prompt.contains(name) || prompt.contains(name.replacingOccurrences(of: "_", with: " "))
        }
        var chosen: [JSONValue]
        if mode == "ANY" {
            let allowed = config?.list("allowedFunctionNames").compactMap(\.stringValue) ?? []
            let candidates = allowed.isEmpty ? declarations : declarations.filter { allowed.contains($0.string("name") ?? "") }
            guard !candidates.isEmpty else { return nil }
            chosen = candidates.filter(mentioned)
            if chosen.isEmpty { chosen = [candidates[0]] }
        } else {
            guard view.lastFunctionResponses.isEmpty, view.lastRole == "user" else { return nil }
            chosen = declarations.filter(mentioned)
            if chosen.isEmpty { return nil }
        }
        return chosen.map { declaration in
            let schema = declaration.field("parametersJsonSchema") ?? declaration.field("parameters")
            let args = schema.map { SchemaValueGenerator(root: $0, hint: view.lastUserText).value() } ?? .object([:])
            return .members([("name", .string(declaration.string("name") ?? "")), ("args", args)])
        }
    }
}
