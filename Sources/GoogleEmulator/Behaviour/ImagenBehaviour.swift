import Foundation
import SwitchyardCore

/// Imagen `:predict`: `sampleCount` PNG predictions for `instances[0].prompt`, with the aspect ratio honoured; a prompt
/// containing the trigger word is filtered with `raiFilteredReason` and no bytes.
enum ImagenBehaviour {
    static let imagenRatios: Set<String> = ["1:1", "3:4", "4:3", "9:16", "16:9"]
    /// Parameters the Gemini API never accepted for Imagen (google-genai ≤2.19 raised before sending).
    static let vertexOnlyParameters = ["negativePrompt", "seed", "addWatermark", "enhancePrompt", "storageUri"]

    static func validate(_ body: JSONValue, backend: Backend) throws(GoogleError) {
        let instances = body.list("instances")
        guard let first = instances.first else {
            throw .invalidArgument("* PredictRequest.instances: instances is not specified\n")
        }
        guard let prompt = first.string("prompt"), !prompt.isEmpty else {
            throw .invalidArgument("* instances[0].prompt: prompt is required\n")
        }
        guard let parameters = body.field("parameters") else { return }
        guard case .object(let object) = parameters else {
            throw .invalidArgument("* PredictRequest.parameters: parameters must be an object\n")
        }
        if backend == .aiStudio {
            for name in vertexOnlyParameters where object[name] != nil || object[FieldNames.snakeCase(name)] != nil {
                throw .invalidArgument("\(name) parameter is not supported in Gemini API.")
            }
        }
        if let count = parameters.integer("sampleCount"), !(1...4).contains(count) {
            throw .invalidArgument("Number of images must be in the range [1, 4]. Got \(count).")
        }
        if let ratio = parameters.string("aspectRatio"), !imagenRatios.contains(ratio) {
            throw .invalidArgument("Unsupported aspect ratio: \(ratio). Supported: 1:1, 3:4, 4:3, 9:16, 16:9.")
        }
    }

    static func predict(_ body: JSONValue, model: EmulatedModel, triggerWord: String) -> JSONValue {
        let prompt = body.list("instances").first?.string("prompt") ?? ""
        let parameters = body.field("parameters")
        let count = parameters?.integer("sampleCount") ?? 1
        let (width, height) = ImageGenerator.dimensions(aspectRatio: parameters?.string("aspectRatio") ?? "1:1") ?? (128, 128)
        var predictions: [JSONValue] = []
        if !triggerWord.isEmpty, prompt.lowercased().contains(triggerWord.lowercased()) {
            predictions.append(
                .members([
                    (
                        "raiFilteredReason",
                        .string(
                            "Your current safety filter threshold filtered out \(count) generated images. You will not be charged for blocked images. Try rephrasing the prompt. If you think this was an error, send feedback. Support codes: 58061214"
                        )
                    )
                ])
            )
        } else {
            for sample in 0..<count {
                let image = ImageGenerator.picture(prompt: "\(model.id):\(prompt)", variant: sample, width: width, height: height)
                predictions.append(
                    .members([
                        ("bytesBase64Encoded", .string(Data(image.encoded()).base64EncodedString())),
                        ("mimeType", "image/png"),
                    ])
                )
            }
        }
        if parameters?.field("includeSafetyAttributes")?.boolValue == true {
            predictions.append(
                .members([
                    ("contentType", "Positive Prompt"),
                    ("safetyAttributes", .members([("categories", []), ("scores", [])])),
                ])
            )
        }
        return .members([("predictions", .array(predictions))])
    }
}
