/// One problem in a configuration or catalog file, located by file, line and key path.
public struct ConfigurationIssue: Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem.
    public var code: Code
    /// The file, as it was given (e.g. `config/switchyard.yaml`).
    public var file: String
    /// The 1-based line, or 0 when the problem is not on a line (e.g. a missing file).
    public var line: Int
    /// The key path, e.g. `routes.image.targets[1].provider`; empty for the whole document.
    public var path: String
    /// What is wrong, e.g. `unknown provider "vertx" (known: studio, vertex)`.
    public var message: String

    /// Creates an issue.
    public init(_ code: Code, file: String, line: Int, path: String, message: String) {
        self.code = code
        self.file = file
        self.line = line
        self.path = path
        self.message = message
    }

    /// `file:line: path: message`.
    public var description: String {
        var text = file
        if line > 0 { text += ":\(line)" }
        if !path.isEmpty { text += ": \(path)" }
        return text + ": " + message
    }

    /// A stable, open issue code.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's name.
        public let rawValue: String
        /// Creates a code from its name.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The YAML does not parse.
        public static let invalidYAML = Code(rawValue: "invalidYAML")
        /// A file cannot be read.
        public static let unreadableFile = Code(rawValue: "unreadableFile")
        /// A key is not part of the schema.
        public static let unknownKey = Code(rawValue: "unknownKey")
        /// A value has the wrong type.
        public static let wrongType = Code(rawValue: "wrongType")
        /// A required key is missing.
        public static let missingKey = Code(rawValue: "missingKey")
        /// A value is out of range or not one of the allowed values.
        public static let invalidValue = Code(rawValue: "invalidValue")
        /// A duration does not parse.
        public static let invalidDuration = Code(rawValue: "invalidDuration")
        /// A provider's `type` has no catalog.
        public static let unknownProviderType = Code(rawValue: "unknownProviderType")
        /// A route or override names a provider that is not configured.
        public static let unknownProvider = Code(rawValue: "unknownProvider")
        /// A route names a model its provider's catalog lacks.
        public static let unknownModel = Code(rawValue: "unknownModel")
        /// `${VAR}` names an unset variable and gives no default.
        public static let missingEnvironmentVariable = Code(rawValue: "missingEnvironmentVariable")

        /// The code's name.
        public var description: String { rawValue }
    }
}

/// Every problem found while loading configuration or catalogs; loading collects them all before failing.
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, in file and line order.
    public var issues: [ConfigurationIssue]

    /// Creates an error from its issues.
    public init(issues: [ConfigurationIssue]) {
        self.issues = issues
    }

    /// One issue per line.
    public var description: String {
        issues.map(\.description).joined(separator: "\n")
    }
}
