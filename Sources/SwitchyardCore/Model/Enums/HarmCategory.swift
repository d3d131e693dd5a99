/// A safety category (`safetySettings[].category`, `safetyRatings[].category`).
///
/// Open: values Switchyard does not know are kept as sent.
public struct HarmCategory: WireEnum {
    /// The wire spelling.
    public let rawValue: String

    /// Creates a value from its wire spelling.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `HARM_CATEGORY_HARASSMENT`.
    public static let harassment: Self = "HARM_CATEGORY_HARASSMENT"

    /// `HARM_CATEGORY_HATE_SPEECH`.
    public static let hateSpeech: Self = "HARM_CATEGORY_HATE_SPEECH"

    /// `HARM_CATEGORY_SEXUALLY_EXPLICIT`.
    public static let sexuallyExplicit: Self = "HARM_CATEGORY_SEXUALLY_EXPLICIT"

    /// `HARM_CATEGORY_DANGEROUS_CONTENT`.
    public static let dangerousContent: Self = "HARM_CATEGORY_DANGEROUS_CONTENT"

    /// `HARM_CATEGORY_CIVIC_INTEGRITY`.
    public static let civicIntegrity: Self = "HARM_CATEGORY_CIVIC_INTEGRITY"

    /// `HARM_CATEGORY_JAILBREAK`.
    public static let jailbreak: Self = "HARM_CATEGORY_JAILBREAK"

    /// `HARM_CATEGORY_IMAGE_HATE`.
    public static let imageHate: Self = "HARM_CATEGORY_IMAGE_HATE"

    /// `HARM_CATEGORY_IMAGE_HARASSMENT`.
    public static let imageHarassment: Self = "HARM_CATEGORY_IMAGE_HARASSMENT"
}
