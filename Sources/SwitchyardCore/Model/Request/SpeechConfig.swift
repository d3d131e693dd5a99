/// Voice options for audio output (`generationConfig.speechConfig`).
public struct SpeechConfig: WireMessage {
    /// The voice of a single speaker.
    public var voiceConfig: VoiceConfig?
    /// Voices of several speakers.
    public var multiSpeakerVoiceConfig: JSONValue?
    /// BCP-47 language code.
    public var languageCode: String?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<SpeechConfig>] = [
        WireField("voiceConfig", \.voiceConfig),
        WireField("multiSpeakerVoiceConfig", \.multiSpeakerVoiceConfig),
        WireField("languageCode", \.languageCode),
    ]
}

/// A voice (`speechConfig.voiceConfig`).
public struct VoiceConfig: WireMessage {
    /// A prebuilt voice.
    public var prebuiltVoiceConfig: PrebuiltVoiceConfig?
    /// A replicated voice.
    public var replicatedVoiceConfig: JSONValue?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<VoiceConfig>] = [
        WireField("prebuiltVoiceConfig", \.prebuiltVoiceConfig),
        WireField("replicatedVoiceConfig", \.replicatedVoiceConfig),
    ]
}

/// A prebuilt voice by name.
public struct PrebuiltVoiceConfig: WireMessage {
    /// The voice's name.
    public var voiceName: String?
    /// Fields this type does not model, by lowerCamel name, kept verbatim.
    public var unknownFields: JSONObject = [:]

    /// Creates a value with every field unset.
    public init() {}

    /// The known fields, in encoding order.
    public static let wireFields: [WireField<PrebuiltVoiceConfig>] = [
        WireField("voiceName", \.voiceName)
    ]
}
