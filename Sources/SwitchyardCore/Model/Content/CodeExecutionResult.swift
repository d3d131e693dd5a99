/// The outcome of running model-generated code.
public struct CodeExecutionResult: WireMessage {
    /// e.g. `OUTCOME_OK`, `OUTCOME_FAILED`, `OUTCOME_DEADLINE_EXCEEDED`.
    public var outcome: String?
    /// Standard output, or the error.
    public var output: String?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<CodeExecutionResult>] = [
        WireField("outcome", \.outcome),
        WireField("output", \.output),
    ]
}
