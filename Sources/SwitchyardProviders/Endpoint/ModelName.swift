import SwitchyardCore

/// A model name checked for one backend (gemini-wire.md §1.3), without the SDK's traps:
/// - names with `..`, `?`, `&` (or any character outside `A-Z a-z 0-9 - _ . @`) are refused, never sent;
/// - `@` versions such as `imagegeneration@006` are kept;
/// - `models/x` is accepted on AI Studio but refused on Vertex AI, where it names a Model Registry (tuned or custom)
///   model rather than the publisher model `x`;
/// - `tunedModels/x` is an AI Studio tuned model; refused on Vertex AI instead of becoming `publishers/tunedModels/…`;
/// - `publishers/google/models/x` is accepted on Vertex AI; any other resource path is refused.
enum ModelName: Hashable {
    /// A base model id, e.g. `gemini-2.5-flash`.
    case base(String)
    /// An AI Studio tuned model id (from `tunedModels/{id}`).
    case tuned(String)

    /// The id without any collection prefix.
    var id: String {
        switch self {
        case .base(let id), .tuned(let id): id
        }
    }

    /// Parses and checks a model name for a backend.
    /// - Throws: ``SwitchyardError`` `invalidArgument` naming the problem.
    static func parse(_ name: String, backend: GoogleBackend) throws(SwitchyardError) -> ModelName {
        if isPlainID(name) { return .base(name) }
        return try parseInGeneral(name, backend: backend)
    }

    /// ``parse(_:backend:)`` for every name: splits off collection prefixes and names what is wrong.
    static func parseInGeneral(_ name: String, backend: GoogleBackend) throws(SwitchyardError) -> ModelName {
        func refuse(_ reason: String) -> SwitchyardError {
            SwitchyardError(.invalidArgument, "invalid model name \"\(name)\" for \(backend.displayName): \(reason)", model: name)
        }
        if name.isEmpty { throw refuse("the name is empty") }
        if let forbidden = Self.forbiddenSequence(in: name) { throw refuse("it contains \"\(forbidden)\"") }
        let segments = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let parsed: ModelName
        switch (segments.count, backend) {
        case (1, _):
            parsed = .base(segments[0])
        case (2, .aiStudio) where segments[0] == "models":
            parsed = .base(segments[1])
        case (2, .aiStudio) where segments[0] == "tunedModels":
            parsed = .tuned(segments[1])
        case (2, .vertexAI) where segments[0] == "models":
            throw refuse(
                "on Vertex AI \"models/\(segments[1])\" names a Model Registry (tuned or custom) model, not the publisher model; use \"\(segments[1])\" for Google's model"
            )
        case (2, .vertexAI) where segments[0] == "tunedModels":
            throw refuse("\"tunedModels/…\" is an AI Studio tuned model; Vertex AI cannot serve it")
        case (4, .vertexAI) where segments[0] == "publishers" && segments[1] == "google" && segments[2] == "models":
            parsed = .base(segments[3])
        default:
            let expected =
                backend == .aiStudio
                ? "expected a model id such as gemini-2.5-flash, models/{id} or tunedModels/{id}"
                : "expected a model id such as gemini-2.5-flash or publishers/google/models/{id}"
            throw refuse(expected)
        }
        let id = parsed.id
        if id.isEmpty { throw refuse("the model id is empty") }
        if let bad = id.unicodeScalars.first(where: { !Self.isAllowed($0) }) {
            throw refuse("the character \"\(bad.escaped(asASCII: true))\" is not allowed in a model id")
        }
        if id.hasPrefix(".") || id.hasPrefix("@") { throw refuse("a model id must start with a letter or digit") }
        return parsed
    }

    /// The first of `..`, `?`, `&` found in `name` (checked in that order), scanning its bytes once; Foundation's
    /// substring search showed on every request.
    private static func forbiddenSequence(in name: String) -> String? {
        var question = false
        var ampersand = false
        var previous: UInt8 = 0
        for byte in name.utf8 {
            if byte == UInt8(ascii: "."), previous == UInt8(ascii: ".") { return ".." }
            if byte == UInt8(ascii: "?") { question = true }
            if byte == UInt8(ascii: "&") { ampersand = true }
            previous = byte
        }
        return question ? "?" : ampersand ? "&" : nil
    }

    /// Whether `name` is a bare model id that passes every check of the general parser: ASCII letters, digits, `-`,
    /// `_`, `.` and `@` only, no `..`, not starting with `.` or `@`. One pass over the bytes; the general parser
    /// splits the name and walks its scalars, which showed on every request.
    static func isPlainID(_ name: String) -> Bool {
        var previous: UInt8 = 0
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"):
                break
            case UInt8(ascii: "."), UInt8(ascii: "@"):
                if previous == 0 || (byte == UInt8(ascii: ".") && previous == UInt8(ascii: ".")) { return false }
            default:
                return false
            }
            previous = byte
        }
        return previous != 0
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        CharacterClass.isAlphanumeric(scalar) || scalar == "-" || scalar == "_" || scalar == "." || scalar == "@"
    }
}
