import SwitchyardCore

/// A table of ``FieldRule``s with their paths merged into one tree, so one walk of a body tells whether any rule
/// matches at all.
///
/// Checking rule by rule walked `contents[].parts[]` once per part rule, and nearly every body matches none; the
/// merged tree visits each member on a rule path once. When something matches, ``FieldScanner`` still applies the
/// rules one by one, which decides what is reported and removed.
struct FieldRuleSet: Sendable {
    /// The rules, in the order violations are reported.
    let rules: [FieldRule]
    private let root: Node

    init(_ rules: [FieldRule]) {
        self.rules = rules
        let builder = NodeBuilder()
        for rule in rules {
            var node = builder
            for step in rule.steps {
                node = node.child(step)
            }
            switch rule.target {
            case .member:
                // A member rule ending in `[]` names elements, not a member: it never matches (as in the scanner).
                if let last = rule.steps.last, !last.eachElement { node.memberEnds = true }
            case .schemaKeyword(let keyword):
                node.schemaKeywords.append(keyword)
            }
        }
        self.root = builder.frozen()
    }

    /// Whether any rule matches somewhere in `body`.
    func anyMatch(in body: JSONValue) -> Bool {
        Self.matches(root, at: body)
    }

    // MARK: The merged tree

    /// Where a path has led: rules ending here and the steps going on.
    private final class Node: Sendable {
        /// Steps by lowerCamel member name (a name may go on both as a member and as "each element").
        let edges: [String: [Edge]]
        /// A member rule ends here: the member's presence is a match.
        let memberEnds: Bool
        /// Schema rules ending here: the keyword anywhere in the schema is a match.
        let schemaKeywords: [String]

        init(edges: [String: [Edge]], memberEnds: Bool, schemaKeywords: [String]) {
            self.edges = edges
            self.memberEnds = memberEnds
            self.schemaKeywords = schemaKeywords
        }
    }

    private struct Edge: Sendable {
        let eachElement: Bool
        let node: Node
    }

    private final class NodeBuilder {
        var children: [FieldRule.Step: NodeBuilder] = [:]
        var memberEnds = false
        var schemaKeywords: [String] = []

        func child(_ step: FieldRule.Step) -> NodeBuilder {
            if let existing = children[step] { return existing }
            let made = NodeBuilder()
            children[step] = made
            return made
        }

        func frozen() -> Node {
            var edges: [String: [Edge]] = [:]
            for (step, child) in children {
                edges[step.name, default: []].append(Edge(eachElement: step.eachElement, node: child.frozen()))
            }
            return Node(edges: edges, memberEnds: memberEnds, schemaKeywords: schemaKeywords)
        }
    }

    /// Whether a rule matches at or below `value`, which the path to `node` reached.
    private static func matches(_ node: Node, at value: JSONValue) -> Bool {
        for keyword in node.schemaKeywords where FieldScanner.schemaHas(keyword, in: value) { return true }
        guard !node.edges.isEmpty, case .object(let object) = value else { return false }
        for member in object.members {
            guard let edges = node.edges[WireName.lowerCamel(member.key)] else { continue }
            for edge in edges {
                if edge.eachElement {
                    guard case .array(let elements) = member.value else { continue }
                    if elements.contains(where: { matches(edge.node, at: $0) }) { return true }
                } else {
                    if edge.node.memberEnds || matches(edge.node, at: member.value) { return true }
                }
            }
        }
        return false
    }
}
