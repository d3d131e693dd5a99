/// A request field that a backend (or a kind of model) does not accept, located by a path such as
/// `tools[].googleSearch.excludeDomains` (`[]` means every element of an array).
struct FieldRule: Sendable, Hashable {
    /// One step of a path: an object member, optionally followed by "every element" of the array it holds.
    struct Step: Sendable, Hashable {
        let name: String
        let eachElement: Bool
    }

    /// What the rule matches at the end of its path.
    enum Target: Sendable, Hashable {
        /// The member itself.
        case member
        /// A keyword anywhere inside the schema at the path (`properties.*`, `items`, `anyOf[]`, `$defs.*` are followed).
        case schemaKeyword(String)
    }

    /// The path from the body's root.
    let steps: [Step]
    /// What is matched at the end of the path.
    let target: Target
    /// Why the field cannot be sent, e.g. `a Vertex AI field`.
    let reason: String

    /// A rule for the member at `path` (dot-separated, `[]` for each array element).
    init(_ path: String, reason: String) {
        self.steps = Self.parse(path)
        self.target = .member
        self.reason = reason
    }

    /// A rule for a schema keyword anywhere inside the schema at `path`.
    init(schemaAt path: String, keyword: String, reason: String) {
        self.steps = Self.parse(path)
        self.target = .schemaKeyword(keyword)
        self.reason = reason
    }

    /// The same rule under another root, e.g. `generateContentRequest`.
    func nested(under prefix: String) -> FieldRule {
        FieldRule(steps: Self.parse(prefix) + steps, target: target, reason: reason)
    }

    private init(steps: [Step], target: Target, reason: String) {
        self.steps = steps
        self.target = target
        self.reason = reason
    }

    private static func parse(_ path: String) -> [Step] {
        path.split(separator: ".").map { piece in
            piece.hasSuffix("[]") ? Step(name: String(piece.dropLast(2)), eachElement: true) : Step(name: String(piece), eachElement: false)
        }
    }
}
