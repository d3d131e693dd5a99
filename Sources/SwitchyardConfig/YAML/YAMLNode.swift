import Foundation
import Yams

/// A YAML node with its key path, read with Yams' node API so every value keeps its line.
///
/// Readers report problems to an ``IssueLog`` and return `nil`, so one pass finds every problem in a file.
struct YAMLNode {
    let node: Node
    let path: String
    let log: IssueLog
    /// Variables for `${VAR}` interpolation; `nil` turns interpolation off (catalog files).
    let environment: [String: String]?

    var line: Int { node.mark?.line ?? 0 }

    /// Parses a document; an empty document is an empty mapping.
    static func parse(yaml: String, log: IssueLog, environment: [String: String]?) -> YAMLNode? {
        do {
            let node = try Yams.compose(yaml: yaml) ?? Node.mapping(Node.Mapping([]))
            return YAMLNode(node: node, path: "", log: log, environment: environment)
        } catch let error as YamlError {
            log.add(.invalidYAML, line: Self.line(of: error), path: "", "invalid YAML: \(Self.problem(of: error))")
        } catch {
            log.add(.invalidYAML, line: 0, path: "", "invalid YAML: \(error)")
        }
        return nil
    }

    func child(_ node: Node, key: String) -> YAMLNode {
        YAMLNode(node: node, path: path.isEmpty ? key : path + "." + key, log: log, environment: environment)
    }

    func element(_ node: Node, index: Int) -> YAMLNode {
        YAMLNode(node: node, path: path + "[\(index)]", log: log, environment: environment)
    }

    var isNull: Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private var kind: String {
        switch node {
        case .scalar: isNull ? "null" : "a scalar"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    func wrongType(_ expected: String) {
        log.add(.wrongType, line: line, path: path, "expected \(expected), got \(kind)")
    }

    // MARK: Mappings

    /// The members of a mapping, in order; checks keys against `allowed` (with suggestions) when given.
    func members(allowed: [String]? = nil) -> [(key: String, value: YAMLNode)]? {
        guard case .mapping(let mapping) = node else {
            wrongType("a mapping")
            return nil
        }
        var result: [(key: String, value: YAMLNode)] = []
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let keyScalar) = keyNode else {
                log.add(.wrongType, line: keyNode.mark?.line ?? line, path: path, "keys must be plain strings")
                continue
            }
            let key = keyScalar.string
            if let allowed, !allowed.contains(key) {
                let childPath = path.isEmpty ? key : path + "." + key
                log.add(
                    .unknownKey,
                    line: keyNode.mark?.line ?? line,
                    path: childPath,
                    "unknown key" + DidYouMean.hint(for: key, among: allowed)
                )
                continue
            }
            result.append((key, child(valueNode, key: key)))
        }
        return result
    }

    /// A mapping as a lookup table; checks keys against `allowed`.
    func object(allowed: [String]) -> YAMLObject? {
        members(allowed: allowed).map { YAMLObject(owner: self, members: $0) }
    }

    // MARK: Scalars

    /// The scalar's text after `${VAR}` interpolation.
    func text() -> String? {
        guard case .scalar(let scalar) = node, !isNull else {
            wrongType("a string")
            return nil
        }
        guard let environment else { return scalar.string }
        switch Interpolation.apply(scalar.string, environment: environment) {
        case .success(let value):
            return value
        case .failure(.missing(let name)):
            log.add(
                .missingEnvironmentVariable,
                line: line,
                path: path,
                "environment variable \(name) is not set and has no default (write ${\(name):-default})"
            )
        case .failure(.malformed(let message)):
            log.add(.invalidValue, line: line, path: path, message)
        }
        return nil
    }

    func integer(in range: ClosedRange<Int>? = nil) -> Int? {
        guard case .scalar = node, !isNull else {
            wrongType("an integer")
            return nil
        }
        guard let text = text() else { return nil }
        guard let value = Int(text.replacingOccurrences(of: "_", with: "")) else {
            log.add(.wrongType, line: line, path: path, "expected an integer, got \"\(text)\"")
            return nil
        }
        if let range, !range.contains(value) {
            log.add(.invalidValue, line: line, path: path, "\(value) is out of range \(range.lowerBound)...\(range.upperBound)")
            return nil
        }
        return value
    }

    func boolean() -> Bool? {
        guard case .scalar = node, !isNull else {
            wrongType("true or false")
            return nil
        }
        guard let text = text() else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            log.add(.wrongType, line: line, path: path, "expected true or false, got \"\(text)\"")
            return nil
        }
    }

    func duration() -> Duration? {
        guard let text = text() else { return nil }
        guard let duration = DurationText.parse(text) else {
            log.add(.invalidDuration, line: line, path: path, "invalid duration \"\(text)\" (use e.g. 500ms, 30s, 2m, 1h)")
            return nil
        }
        return duration
    }

    /// One of `allowed`, exactly.
    func choice(_ allowed: [String]) -> String? {
        guard let text = text() else { return nil }
        guard allowed.contains(text) else {
            log.add(
                .invalidValue,
                line: line,
                path: path,
                "\"\(text)\" is not one of \(allowed.joined(separator: ", "))" + DidYouMean.hint(for: text, among: allowed)
            )
            return nil
        }
        return text
    }

    // MARK: Lists

    func list() -> [YAMLNode]? {
        guard case .sequence(let sequence) = node else {
            wrongType("a list")
            return nil
        }
        return sequence.enumerated().map { element($1, index: $0) }
    }

    func stringList() -> [String]? {
        list()?.compactMap { $0.text() }
    }

    // MARK: Errors from Yams

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        case .duplicatedKeysInMapping(_, let context): context.mark.line
        default: 0
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _), .composer(let context, let problem, _, _):
            return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
        case .duplicatedKeysInMapping(let duplicates, _):
            return "duplicate keys \(duplicates.joined(separator: ", "))"
        default:
            return "\(error)"
        }
    }
}

/// The members of a checked mapping, looked up by key.
struct YAMLObject {
    let owner: YAMLNode
    let members: [(key: String, value: YAMLNode)]

    subscript(key: String) -> YAMLNode? {
        guard let value = members.first(where: { $0.key == key })?.value, !value.isNull else { return nil }
        return value
    }

    /// The value, or an issue saying it is missing.
    func required(_ key: String, hint: String = "") -> YAMLNode? {
        if let value = self[key] { return value }
        let path = owner.path.isEmpty ? key : owner.path + "." + key
        owner.log.add(.missingKey, line: owner.line, path: path, "missing required key" + hint)
        return nil
    }
}
