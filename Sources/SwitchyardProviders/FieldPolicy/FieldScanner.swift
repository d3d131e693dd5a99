import SwitchyardCore

/// One use of a field a backend does not accept.
struct FieldViolation: Sendable, Hashable {
    /// Where it is, with indexes, e.g. `safetySettings[0].method`.
    let path: String
    /// Why it cannot be sent.
    let reason: String
}

/// Finds (and optionally removes) the members ``FieldRule``s name in a JSON body.
///
/// Member names are compared in lowerCamel spelling, so `exclude_domains` inside a free-form object matches
/// `excludeDomains`.
enum FieldScanner {
    /// The violations of `rules` in `body`, in rule order; with `remove`, the matched members are taken out of `body`.
    static func scan(_ body: inout JSONValue, rules: FieldRuleSet, remove: Bool) -> [FieldViolation] {
        // Nearly every body matches no rule: one walk of the merged paths says so without building any path.
        guard rules.anyMatch(in: body) else { return [] }
        return scan(&body, rules: rules.rules, remove: remove)
    }

    /// The violations of `rules` in `body`, rule by rule.
    static func scan(_ body: inout JSONValue, rules: [FieldRule], remove: Bool) -> [FieldViolation] {
        var found: [FieldViolation] = []
        for rule in rules {
            visit(&body, steps: rule.steps[...], path: "", rule: rule, remove: remove, found: &found)
        }
        return found
    }

    /// Whether `keyword` appears in a schema or in the schemas nested in it (the walk of ``visitSchema``).
    static func schemaHas(_ keyword: String, in schema: JSONValue) -> Bool {
        guard case .object(let object) = schema else { return false }
        for member in object.members {
            let name = WireName.lowerCamel(member.key)
            if name == keyword { return true }
            switch (name, member.value) {
            case ("properties", .object(let properties)), ("defs", .object(let properties)), ("$defs", .object(let properties)):
                if properties.members.contains(where: { schemaHas(keyword, in: $0.value) }) { return true }
            case ("items", .object):
                if schemaHas(keyword, in: member.value) { return true }
            case ("anyOf", .array(let options)):
                if options.contains(where: { schemaHas(keyword, in: $0) }) { return true }
            default:
                continue
            }
        }
        return false
    }

    private static func visit(
        _ value: inout JSONValue,
        steps: ArraySlice<FieldRule.Step>,
        path: String,
        rule: FieldRule,
        remove: Bool,
        found: inout [FieldViolation]
    ) {
        guard let step = steps.first else {
            if case .schemaKeyword(let keyword) = rule.target {
                visitSchema(&value, keyword: keyword, path: path, rule: rule, remove: remove, found: &found)
            }
            return
        }
        guard case .object(var object) = value else { return }
        guard let key = object.keys.first(where: { WireName.lowerCamel($0) == step.name }), var member = object[key] else { return }
        let memberPath = path.isEmpty ? step.name : path + "." + step.name
        let rest = steps.dropFirst()
        if step.eachElement {
            guard case .array(var elements) = member else { return }
            for index in elements.indices {
                visit(&elements[index], steps: rest, path: "\(memberPath)[\(index)]", rule: rule, remove: remove, found: &found)
            }
            member = .array(elements)
        } else if rest.isEmpty, rule.target == .member {
            found.append(FieldViolation(path: memberPath, reason: rule.reason))
            guard remove else { return }
            object[key] = nil
            value = .object(object)
            return
        } else {
            visit(&member, steps: rest, path: memberPath, rule: rule, remove: remove, found: &found)
        }
        guard remove else { return }
        object[key] = member
        value = .object(object)
    }

    private static func visitSchema(
        _ schema: inout JSONValue,
        keyword: String,
        path: String,
        rule: FieldRule,
        remove: Bool,
        found: inout [FieldViolation]
    ) {
        guard case .object(var object) = schema else { return }
        var changed = false
        if let key = object.keys.first(where: { WireName.lowerCamel($0) == keyword }) {
            found.append(FieldViolation(path: path + "." + keyword, reason: rule.reason))
            if remove {
                object[key] = nil
                changed = true
            }
        }
        for key in object.keys {
            let name = WireName.lowerCamel(key)
            guard var child = object[key] else { continue }
            switch (name, child) {
            case ("properties", .object(var properties)), ("defs", .object(var properties)), ("$defs", .object(var properties)):
                for property in properties.keys {
                    guard var nested = properties[property] else { continue }
                    visitSchema(&nested, keyword: keyword, path: "\(path).\(name).\(property)", rule: rule, remove: remove, found: &found)
                    properties[property] = nested
                }
                child = .object(properties)
            case ("items", .object):
                visitSchema(&child, keyword: keyword, path: "\(path).items", rule: rule, remove: remove, found: &found)
            case ("anyOf", .array(var options)):
                for index in options.indices {
                    visitSchema(&options[index], keyword: keyword, path: "\(path).anyOf[\(index)]", rule: rule, remove: remove, found: &found)
                }
                child = .array(options)
            default:
                continue
            }
            if remove {
                object[key] = child
                changed = true
            }
        }
        if changed { schema = .object(object) }
    }
}
