import Foundation
import SwitchyardCore

/// The body of `POST /v1/images/generations`; `quality`, `style`, `user` and other fields are ignored.
struct ImageGenerationRequest: Decodable, Sendable {
    var model: String
    var prompt: String
    var n: Int?
    var size: String?
    var responseFormat: String?

    enum CodingKeys: String, CodingKey {
        case model, prompt, n, size
        case responseFormat = "response_format"
    }
}

/// The answer: `{"created": …, "data": [{"b64_json": …, "revised_prompt": …}]}`.
struct ImageGenerationResponse: Encodable, Sendable {
    var created: Int
    var data: [Image]

    struct Image: Encodable, Sendable {
        var b64JSON: String
        var revisedPrompt: String?

        enum CodingKeys: String, CodingKey {
            case b64JSON = "b64_json"
            case revisedPrompt = "revised_prompt"
        }
    }
}

/// Translates OpenAI image generation to and from Imagen's `:predict` shape.
enum ImageGenerationTranslation {
    /// The aspect ratios Imagen and Gemini image models accept.
    static let aspectRatios: [(name: String, value: Double)] = [
        ("1:1", 1), ("3:4", 3.0 / 4), ("4:3", 4.0 / 3), ("9:16", 9.0 / 16), ("16:9", 16.0 / 9),
    ]

    static func predictRequest(from request: ImageGenerationRequest) throws(ServerError) -> ImagenPredictRequest {
        guard !request.prompt.isEmpty else { throw .invalidArgument("prompt: must not be empty", parameter: "prompt") }
        if let format = request.responseFormat, format != "b64_json" {
            throw ServerError(
                httpStatus: 400,
                googleStatus: GoogleStatus.invalidArgument,
                code: SwitchyardError.Code.unsupportedField.rawValue,
                message: "response_format: \"\(format)\" is not supported; Switchyard returns images only as b64_json",
                parameter: "response_format"
            )
        }
        var parameters = ImagenParameters()
        if let n = request.n {
            guard (1...10).contains(n) else { throw .invalidArgument("n: must be between 1 and 10", parameter: "n") }
            parameters.sampleCount = n
        }
        if let size = request.size, size != "auto" {
            parameters.aspectRatio = try aspectRatio(forSize: size)
        }
        var instance = ImagenInstance()
        instance.prompt = request.prompt
        var predict = ImagenPredictRequest()
        predict.instances = [instance]
        predict.parameters = parameters
        return predict
    }

    /// `1024x1792` → the closest supported aspect ratio (`9:16`).
    static func aspectRatio(forSize size: String) throws(ServerError) -> String {
        let pieces = size.lowercased().split(separator: "x")
        guard pieces.count == 2, let width = Int(pieces[0]), let height = Int(pieces[1]), width > 0, height > 0 else {
            throw .invalidArgument("size: \"\(size)\" is not WIDTHxHEIGHT (e.g. 1024x1024) or auto", parameter: "size")
        }
        let ratio = Double(width) / Double(height)
        let closest = aspectRatios.min { abs(log($0.value / ratio)) < abs(log($1.value / ratio)) }
        return closest?.name ?? "1:1"
    }

    /// The images of a prediction; filtered predictions (no bytes) are left out.
    static func response(from predict: ImagenPredictResponse, created: Date = Date()) -> Result<ImageGenerationResponse, ServerError> {
        var images: [ImageGenerationResponse.Image] = []
        var filterReasons: [String] = []
        for prediction in predict.predictions ?? [] {
            if let bytes = prediction.bytesBase64Encoded {
                images.append(.init(b64JSON: bytes.standardBase64, revisedPrompt: prediction.prompt))
            } else if let reason = prediction.raiFilteredReason {
                filterReasons.append(reason)
            }
        }
        guard !images.isEmpty else {
            return .failure(
                ServerError(
                    httpStatus: 400,
                    googleStatus: GoogleStatus.invalidArgument,
                    code: "contentPolicyViolation",
                    message: filterReasons.isEmpty
                        ? "the model returned no image"
                        : "every image was filtered: " + filterReasons.joined(separator: "; "),
                    parameter: "prompt"
                )
            )
        }
        return .success(ImageGenerationResponse(created: Int(created.timeIntervalSince1970), data: images))
    }
}
