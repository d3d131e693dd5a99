/// Why a candidate stopped (`candidates[].finishReason`).
///
/// Open: values Switchyard does not know are kept as sent.
public struct FinishReason: WireEnum {
    /// The wire spelling.
    public let rawValue: String

    /// Creates a value from its wire spelling.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `FINISH_REASON_UNSPECIFIED`.
    public static let unspecified: Self = "FINISH_REASON_UNSPECIFIED"

    /// `STOP`.
    public static let stop: Self = "STOP"

    /// `MAX_TOKENS`.
    public static let maxTokens: Self = "MAX_TOKENS"

    /// `SAFETY`.
    public static let safety: Self = "SAFETY"

    /// `RECITATION`.
    public static let recitation: Self = "RECITATION"

    /// `LANGUAGE`.
    public static let language: Self = "LANGUAGE"

    /// `OTHER`.
    public static let other: Self = "OTHER"

    /// `BLOCKLIST`.
    public static let blocklist: Self = "BLOCKLIST"

    /// `PROHIBITED_CONTENT`.
    public static let prohibitedContent: Self = "PROHIBITED_CONTENT"

    /// `SPII`.
    public static let spii: Self = "SPII"

    /// `MALFORMED_FUNCTION_CALL`.
    public static let malformedFunctionCall: Self = "MALFORMED_FUNCTION_CALL"

    /// `IMAGE_SAFETY`.
    public static let imageSafety: Self = "IMAGE_SAFETY"

    /// `IMAGE_PROHIBITED_CONTENT`.
    public static let imageProhibitedContent: Self = "IMAGE_PROHIBITED_CONTENT"

    /// `IMAGE_OTHER`.
    public static let imageOther: Self = "IMAGE_OTHER"

    /// `NO_IMAGE`.
    public static let noImage: Self = "NO_IMAGE"

    /// `IMAGE_RECITATION`.
    public static let imageRecitation: Self = "IMAGE_RECITATION"

    /// `UNEXPECTED_TOOL_CALL`.
    public static let unexpectedToolCall: Self = "UNEXPECTED_TOOL_CALL"

    /// `TOO_MANY_TOOL_CALLS`.
    public static let tooManyToolCalls: Self = "TOO_MANY_TOOL_CALLS"

    /// `MISSING_THOUGHT_SIGNATURE`.
    public static let missingThoughtSignature: Self = "MISSING_THOUGHT_SIGNATURE"

    /// `MALFORMED_RESPONSE`.
    public static let malformedResponse: Self = "MALFORMED_RESPONSE"
}
