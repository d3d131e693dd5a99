/// A kind of content: requested output (`responseModalities`), token details, capabilities.
///
/// Open: values Switchyard does not know are kept as sent.
public struct Modality: WireEnum {
    /// The wire spelling.
    public let rawValue: String

    /// Creates a value from its wire spelling.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `TEXT`.
    public static let text: Self = "TEXT"

    /// `IMAGE`.
    public static let image: Self = "IMAGE"

    /// `AUDIO`.
    public static let audio: Self = "AUDIO"

    /// `VIDEO`.
    public static let video: Self = "VIDEO"

    /// `DOCUMENT`.
    public static let document: Self = "DOCUMENT"
}
