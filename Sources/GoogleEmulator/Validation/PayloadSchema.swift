/// The two Google backends the emulator plays.
enum Backend: Sendable {
    /// Gemini Developer API (`generativelanguage.googleapis.com`).
    case aiStudio
    /// Vertex AI (`aiplatform.googleapis.com`).
    case vertex
}

/// The proto field types the emulator's JSON parser knows, as in proto3 JSON mapping.
indirect enum FieldKind: Sendable {
    case string
    case bool
    case int32
    case int64
    case float
    case double
    case bytes
    case duration
    case enumeration(EnumSpec)
    case message(String)
    /// `google.protobuf.Struct`/`Value`: anything goes, never field-checked.
    case any
    case repeated(FieldKind)
    case map(FieldKind)
}

/// An enum type: its proto name (as in the type URL) and its value names.
struct EnumSpec: Sendable {
    let name: String
    let values: Set<String>

    init(_ name: String, _ values: [String]) {
        self.name = name
        self.values = Set(values)
    }
}

/// One field: its type and, when it exists on only one backend, which.
struct FieldSpec: Sendable {
    let kind: FieldKind
    let only: Backend?

    init(_ kind: FieldKind, only: Backend? = nil) {
        self.kind = kind
        self.only = only
    }
}

/// A message type: its proto name and its fields by lowerCamel JSON name.
struct MessageSpec: Sendable {
    let name: String
    let fields: [String: FieldSpec]
}

/// Google's request messages for the model methods, per backend (gemini-wire.md §3.1–3.3).
///
/// Field names are the lowerCamel JSON names; the parser also accepts each field's snake_case proto name.
/// Free-form fields (`functionCall.args`, `functionResponse.response`, `responseJsonSchema`, `labels`, ...) are `.any`.
enum PayloadSchema {
    static let type = EnumSpec("Type", ["TYPE_UNSPECIFIED", "STRING", "NUMBER", "INTEGER", "BOOLEAN", "ARRAY", "OBJECT", "NULL"])
    static let harmCategory = EnumSpec(
        "HarmCategory",
        [
            "HARM_CATEGORY_UNSPECIFIED", "HARM_CATEGORY_DEROGATORY", "HARM_CATEGORY_TOXICITY", "HARM_CATEGORY_VIOLENCE",
            "HARM_CATEGORY_SEXUAL", "HARM_CATEGORY_MEDICAL", "HARM_CATEGORY_DANGEROUS", "HARM_CATEGORY_HARASSMENT",
            "HARM_CATEGORY_HATE_SPEECH", "HARM_CATEGORY_SEXUALLY_EXPLICIT", "HARM_CATEGORY_DANGEROUS_CONTENT",
            "HARM_CATEGORY_CIVIC_INTEGRITY", "HARM_CATEGORY_IMAGE_HATE", "HARM_CATEGORY_IMAGE_DANGEROUS_CONTENT",
            "HARM_CATEGORY_IMAGE_HARASSMENT", "HARM_CATEGORY_IMAGE_SEXUALLY_EXPLICIT", "HARM_CATEGORY_JAILBREAK",
        ]
    )
    static let harmBlockThreshold = EnumSpec(
        "SafetySetting.HarmBlockThreshold",
        ["HARM_BLOCK_THRESHOLD_UNSPECIFIED", "BLOCK_LOW_AND_ABOVE", "BLOCK_MEDIUM_AND_ABOVE", "BLOCK_ONLY_HIGH", "BLOCK_NONE", "OFF"]
    )
    static let harmBlockMethod = EnumSpec("SafetySetting.HarmBlockMethod", ["HARM_BLOCK_METHOD_UNSPECIFIED", "SEVERITY", "PROBABILITY"])
    static let modality = EnumSpec("GenerationConfig.Modality", ["MODALITY_UNSPECIFIED", "TEXT", "IMAGE", "AUDIO"])
    static let mediaResolution = EnumSpec(
        "GenerationConfig.MediaResolution",
        ["MEDIA_RESOLUTION_UNSPECIFIED", "MEDIA_RESOLUTION_LOW", "MEDIA_RESOLUTION_MEDIUM", "MEDIA_RESOLUTION_HIGH"]
    )
    static let callingMode = EnumSpec("FunctionCallingConfig.Mode", ["MODE_UNSPECIFIED", "AUTO", "ANY", "NONE", "VALIDATED"])
    static let thinkingLevel = EnumSpec("ThinkingConfig.ThinkingLevel", ["THINKING_LEVEL_UNSPECIFIED", "MINIMAL", "LOW", "MEDIUM", "HIGH"])
    static let behavior = EnumSpec("FunctionDeclaration.Behavior", ["UNSPECIFIED", "BLOCKING", "NON_BLOCKING"])
    static let language = EnumSpec("ExecutableCode.Language", ["LANGUAGE_UNSPECIFIED", "PYTHON"])
    static let outcome = EnumSpec(
        "CodeExecutionResult.Outcome",
        ["OUTCOME_UNSPECIFIED", "OUTCOME_OK", "OUTCOME_FAILED", "OUTCOME_DEADLINE_EXCEEDED"]
    )
    static let scheduling = EnumSpec("FunctionResponse.Scheduling", ["SCHEDULING_UNSPECIFIED", "SILENT", "WHEN_IDLE", "INTERRUPT"])

    static let messages: [String: MessageSpec] = {
        var table: [String: MessageSpec] = [:]
        func add(_ name: String, _ fields: [String: FieldSpec]) {
            table[name] = MessageSpec(name: name, fields: fields)
        }
        add(
            "GenerateContentRequest",
            [
                "model": FieldSpec(.string),
                "contents": FieldSpec(.repeated(.message("Content"))),
                "systemInstruction": FieldSpec(.message("Content")),
                "tools": FieldSpec(.repeated(.message("Tool"))),
                "toolConfig": FieldSpec(.message("ToolConfig")),
                "safetySettings": FieldSpec(.repeated(.message("SafetySetting"))),
                "generationConfig": FieldSpec(.message("GenerationConfig")),
                "cachedContent": FieldSpec(.string),
                "labels": FieldSpec(.map(.string)),
                "serviceTier": FieldSpec(.string),
                "store": FieldSpec(.bool, only: .aiStudio),
                "modelArmorConfig": FieldSpec(.message("ModelArmorConfig"), only: .vertex),
                "outputConfig": FieldSpec(.any, only: .vertex),
            ]
        )
        add("ModelArmorConfig", ["promptTemplateName": FieldSpec(.string), "responseTemplateName": FieldSpec(.string)])
        add("Content", ["role": FieldSpec(.string), "parts": FieldSpec(.repeated(.message("Part")))])
        add(
            "Part",
            [
                "text": FieldSpec(.string),
                "inlineData": FieldSpec(.message("Blob")),
                "fileData": FieldSpec(.message("FileData")),
                "functionCall": FieldSpec(.message("FunctionCall")),
                "functionResponse": FieldSpec(.message("FunctionResponse")),
                "executableCode": FieldSpec(.message("ExecutableCode")),
                "codeExecutionResult": FieldSpec(.message("CodeExecutionResult")),
                "thought": FieldSpec(.bool),
                "thoughtSignature": FieldSpec(.bytes),
                "videoMetadata": FieldSpec(.message("VideoMetadata")),
                "mediaResolution": FieldSpec(.any),
                "partMetadata": FieldSpec(.any, only: .aiStudio),
                "toolCall": FieldSpec(.any, only: .aiStudio),
                "toolResponse": FieldSpec(.any, only: .aiStudio),
            ]
        )
        add("Blob", ["mimeType": FieldSpec(.string), "data": FieldSpec(.bytes), "displayName": FieldSpec(.string)])
        add("FileData", ["mimeType": FieldSpec(.string), "fileUri": FieldSpec(.string), "displayName": FieldSpec(.string)])
        add(
            "FunctionCall",
            [
                "id": FieldSpec(.string),
                "name": FieldSpec(.string),
                "args": FieldSpec(.any),
                "partialArgs": FieldSpec(.any, only: .vertex),
                "willContinue": FieldSpec(.bool, only: .vertex),
            ]
        )
        add(
            "FunctionResponse",
            [
                "id": FieldSpec(.string),
                "name": FieldSpec(.string),
                "response": FieldSpec(.any),
                "parts": FieldSpec(.any),
                "willContinue": FieldSpec(.bool, only: .aiStudio),
                "scheduling": FieldSpec(.enumeration(scheduling), only: .aiStudio),
            ]
        )
        add("ExecutableCode", ["language": FieldSpec(.enumeration(language)), "code": FieldSpec(.string)])
        add("CodeExecutionResult", ["outcome": FieldSpec(.enumeration(outcome)), "output": FieldSpec(.string)])
        add("VideoMetadata", ["startOffset": FieldSpec(.duration), "endOffset": FieldSpec(.duration), "fps": FieldSpec(.double)])
        add(
            "Tool",
            [
                "functionDeclarations": FieldSpec(.repeated(.message("FunctionDeclaration"))),
                "googleSearch": FieldSpec(.message("GoogleSearch")),
                "googleSearchRetrieval": FieldSpec(.any),
                "codeExecution": FieldSpec(.any),
                "urlContext": FieldSpec(.any),
                "googleMaps": FieldSpec(.message("GoogleMaps")),
                "computerUse": FieldSpec(.any),
                "mcpServers": FieldSpec(.any),
                "retrieval": FieldSpec(.any, only: .vertex),
                "enterpriseWebSearch": FieldSpec(.any, only: .vertex),
                "parallelAiSearch": FieldSpec(.any, only: .vertex),
                "exaAiSearch": FieldSpec(.any, only: .vertex),
                "fileSearch": FieldSpec(.any, only: .aiStudio),
            ]
        )
        add(
            "GoogleSearch",
            [
                "timeRangeFilter": FieldSpec(.any),
                "blockingConfidence": FieldSpec(.string, only: .vertex),
                "excludeDomains": FieldSpec(.repeated(.string), only: .vertex),
            ]
        )
        add(
            "GoogleMaps",
            [
                "enableWidget": FieldSpec(.bool),
                "authConfig": FieldSpec(.any),
                "groundingTypes": FieldSpec(.any, only: .vertex),
            ]
        )
        add(
            "FunctionDeclaration",
            [
                "name": FieldSpec(.string),
                "description": FieldSpec(.string),
                "parameters": FieldSpec(.message("Schema")),
                "parametersJsonSchema": FieldSpec(.any),
                "response": FieldSpec(.message("Schema")),
                "responseJsonSchema": FieldSpec(.any),
                "behavior": FieldSpec(.enumeration(behavior)),
            ]
        )
        add(
            "Schema",
            [
                "type": FieldSpec(.enumeration(type)),
                "format": FieldSpec(.string),
                "title": FieldSpec(.string),
                "description": FieldSpec(.string),
                "nullable": FieldSpec(.bool),
                "enum": FieldSpec(.repeated(.string)),
                "maxItems": FieldSpec(.int64),
                "minItems": FieldSpec(.int64),
                "items": FieldSpec(.message("Schema")),
                "properties": FieldSpec(.map(.message("Schema"))),
                "propertyOrdering": FieldSpec(.repeated(.string)),
                "required": FieldSpec(.repeated(.string)),
                "minProperties": FieldSpec(.int64),
                "maxProperties": FieldSpec(.int64),
                "minLength": FieldSpec(.int64),
                "maxLength": FieldSpec(.int64),
                "pattern": FieldSpec(.string),
                "example": FieldSpec(.any),
                "anyOf": FieldSpec(.repeated(.message("Schema"))),
                "default": FieldSpec(.any),
                "minimum": FieldSpec(.double),
                "maximum": FieldSpec(.double),
                "additionalProperties": FieldSpec(.any, only: .vertex),
                "ref": FieldSpec(.string, only: .vertex),
                "$ref": FieldSpec(.string, only: .vertex),
                "defs": FieldSpec(.map(.message("Schema")), only: .vertex),
                "$defs": FieldSpec(.map(.message("Schema")), only: .vertex),
            ]
        )
        add(
            "ToolConfig",
            [
                "functionCallingConfig": FieldSpec(.message("FunctionCallingConfig")),
                "retrievalConfig": FieldSpec(.any),
                "includeServerSideToolInvocations": FieldSpec(.bool, only: .aiStudio),
            ]
        )
        add(
            "FunctionCallingConfig",
            [
                "mode": FieldSpec(.enumeration(callingMode)),
                "allowedFunctionNames": FieldSpec(.repeated(.string)),
                "streamFunctionCallArguments": FieldSpec(.bool, only: .vertex),
            ]
        )
        add(
            "SafetySetting",
            [
                "category": FieldSpec(.enumeration(harmCategory)),
                "threshold": FieldSpec(.enumeration(harmBlockThreshold)),
                "method": FieldSpec(.enumeration(harmBlockMethod), only: .vertex),
            ]
        )
        add(
            "GenerationConfig",
            [
                "stopSequences": FieldSpec(.repeated(.string)),
                "responseMimeType": FieldSpec(.string),
                "responseSchema": FieldSpec(.message("Schema")),
                "responseJsonSchema": FieldSpec(.any),
                "responseModalities": FieldSpec(.repeated(.enumeration(modality))),
                "candidateCount": FieldSpec(.int32),
                "maxOutputTokens": FieldSpec(.int32),
                "temperature": FieldSpec(.float),
                "topP": FieldSpec(.float),
                "topK": FieldSpec(.float),
                "seed": FieldSpec(.int32),
                "presencePenalty": FieldSpec(.float),
                "frequencyPenalty": FieldSpec(.float),
                "responseLogprobs": FieldSpec(.bool),
                "logprobs": FieldSpec(.int32),
                "speechConfig": FieldSpec(.any),
                "thinkingConfig": FieldSpec(.message("ThinkingConfig")),
                "imageConfig": FieldSpec(.message("ImageConfig")),
                "mediaResolution": FieldSpec(.enumeration(mediaResolution)),
                "audioTranscriptionConfig": FieldSpec(.any),
                "enableEnhancedCivicAnswers": FieldSpec(.bool, only: .aiStudio),
                "routingConfig": FieldSpec(.any, only: .vertex),
                "modelConfig": FieldSpec(.any, only: .vertex),
                "audioTimestamp": FieldSpec(.bool, only: .vertex),
            ]
        )
        add(
            "ThinkingConfig",
            [
                "includeThoughts": FieldSpec(.bool),
                "thinkingBudget": FieldSpec(.int32),
                "thinkingLevel": FieldSpec(.enumeration(thinkingLevel)),
            ]
        )
        add(
            "ImageConfig",
            [
                "aspectRatio": FieldSpec(.string),
                "imageSize": FieldSpec(.string),
                "personGeneration": FieldSpec(.string, only: .vertex),
                "prominentPeople": FieldSpec(.string, only: .vertex),
                "imageOutputOptions": FieldSpec(.message("ImageOutputOptions"), only: .vertex),
            ]
        )
        add("ImageOutputOptions", ["mimeType": FieldSpec(.string), "compressionQuality": FieldSpec(.int32)])
        // AI Studio countTokens takes only `contents` (or a whole `generateContentRequest`).
        add(
            "AIStudioCountTokensRequest",
            [
                "contents": FieldSpec(.repeated(.message("Content"))),
                "generateContentRequest": FieldSpec(.message("GenerateContentRequest")),
            ]
        )
        // Vertex countTokens: contents, systemInstruction, tools, generationConfig (plus the legacy `instances`).
        add(
            "VertexCountTokensRequest",
            [
                "model": FieldSpec(.string),
                "instances": FieldSpec(.any),
                "contents": FieldSpec(.repeated(.message("Content"))),
                "systemInstruction": FieldSpec(.message("Content")),
                "tools": FieldSpec(.repeated(.message("Tool"))),
                "generationConfig": FieldSpec(.message("GenerationConfig")),
            ]
        )
        add(
            "PredictRequest",
            [
                "instances": FieldSpec(.repeated(.any)),
                "parameters": FieldSpec(.any),
                "labels": FieldSpec(.map(.string), only: .vertex),
            ]
        )
        return table
    }()
}
