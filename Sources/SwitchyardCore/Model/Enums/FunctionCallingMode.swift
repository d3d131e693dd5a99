/// How the model may call functions (`toolConfig.functionCallingConfig.mode`).
///
/// Open: values Switchyard does not know are kept as sent.
public struct FunctionCallingMode: WireEnum {
    /// The wire spelling.
    public let rawValue: String

    /// Creates a value from its wire spelling.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `MODE_UNSPECIFIED`.
    public static let unspecified: Self = "MODE_UNSPECIFIED"

    /// `AUTO`.
    public static let auto: Self = "AUTO"

    /// `ANY`.
    public static let `any`: Self = "ANY"

    /// `NONE`: the model may not call functions. (Not named `none`, which would read as `Optional.none`.)
    public static let noCalls: Self = "NONE"

    /// `VALIDATED`.
    public static let validated: Self = "VALIDATED"
}
