/// The Google API method a model is called with.
public struct APIMethod: WireEnum {
    /// The method name.
    public let rawValue: String

    /// Creates a method from its name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Gemini models: `generateContent` / `streamGenerateContent`.
    public static let generateContent: Self = "generateContent"
    /// Imagen models: `predict`.
    public static let predict: Self = "predict"
}
