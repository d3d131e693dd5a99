/// Switchyard's extension fields for Imagen, carried in `generationConfig.imageConfig` of a `GenerateContentRequest`.
///
/// Imagen `:predict` parameters that Gemini's request has a field for come from that field:
///
/// | Imagen parameter | GenerateContentRequest field |
/// |---|---|
/// | `instances[0].prompt` | the text parts of the one user content, joined with a newline |
/// | `sampleCount` | `generationConfig.candidateCount`, or the extension `imageConfig.numberOfImages` |
/// | `aspectRatio` | `generationConfig.imageConfig.aspectRatio` |
/// | `sampleImageSize` | `generationConfig.imageConfig.imageSize` |
/// | `personGeneration` | `generationConfig.imageConfig.personGeneration` |
/// | `outputOptions{mimeType,compressionQuality}` | `generationConfig.imageConfig.imageOutputOptions` |
/// | `seed` | `generationConfig.seed` (Vertex AI only) |
/// | `negativePrompt` | the extension `generationConfig.imageConfig.negativePrompt` (Vertex AI only) |
/// | `includeRaiReason` | always `true`, so filtered images say why |
///
/// The extension fields are never sent to a Gemini model: `numberOfImages` becomes `candidateCount` (one image per
/// candidate), and `negativePrompt`, which Gemini cannot honour, follows the provider's unsupported-field policy.
public enum ImagenExtensionFields {
    /// `generationConfig.imageConfig.numberOfImages`: how many images to generate (Imagen `sampleCount`).
    public static let numberOfImages = "numberOfImages"
    /// `generationConfig.imageConfig.negativePrompt`: what the images should not show (Imagen `negativePrompt`).
    public static let negativePrompt = "negativePrompt"
}
