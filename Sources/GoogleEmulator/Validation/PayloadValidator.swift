import Foundation
import SwitchyardCore

/// Checks a JSON payload against ``PayloadSchema`` the way Google's proto-JSON parser does: unknown names
/// (including the other backend's fields) and wrong value types become `google.rpc.BadRequest` field violations
/// with Google's wording, e.g. `Invalid JSON payload received. Unknown name "routingConfig" at 'generation_config':
/// Cannot find field.`
struct PayloadValidator: Sendable {
    let backend: Backend
    /// The API version from the URL (`v1beta`, `v1`, `v1beta1`), used in type URLs.
    let version: String

    /// Every violation in the payload, in document order.
    func violations(in value: JSONValue, message: String) -> [FieldViolation] {
        var found: [FieldViolation] = []
        check(value, kind: .message(message), path: "", into: &found)
        return found
    }

    private func typeURL(_ name: String) -> String {
        let protoName = name.replacingOccurrences(of: "AIStudio", with: "").replacingOccurrences(of: "Vertex", with: "")
        switch backend {
        case .aiStudio: return "type.googleapis.com/google.ai.generativelanguage.\(version).\(protoName)"
        case .vertex: return "type.googleapis.com/google.cloud.aiplatform.\(version).\(protoName)"
        }
    }

    private func invalidValue(_ path: String, _ typeName: String, _ value: JSONValue, into found: inout [FieldViolation]) {
        let rendered: String
        if case .string(let text) = value {
            rendered = EmulatorJSON.compactString(.string(String(text.prefix(120))))
        } else {
            rendered = String(EmulatorJSON.compactString(value).prefix(120))
        }
        found.append(FieldViolation(field: path, description: "Invalid value at '\(path)' (\(typeName)), \(rendered)"))
    }

    private func check(_ value: JSONValue, kind: FieldKind, path: String, into found: inout [FieldViolation]) {
        if case .null = value { return }
        switch kind {
        case .any:
            return
        case .string:
            if case .string = value { return }
            invalidValue(path, "TYPE_STRING", value, into: &found)
        case .bool:
            if case .bool = value { return }
            invalidValue(path, "TYPE_BOOL", value, into: &found)
        case .int32, .int64:
            let name = kind.isInt32 ? "TYPE_INT32" : "TYPE_INT64"
            switch value {
            case .integer(let number):
                if kind.isInt32, number < Int64(Int32.min) || number > Int64(Int32.max) {
                    invalidValue(path, name, value, into: &found)
                }
            case .double(let number) where number == number.rounded() && abs(number) < 9e18:
                return
            case .string(let text) where Int64(text) != nil:
                return
            default:
                invalidValue(path, name, value, into: &found)
            }
        case .float, .double:
            let name = kind.isFloat ? "TYPE_FLOAT" : "TYPE_DOUBLE"
            switch value {
            case .integer, .double: return
            case .string(let text) where Double(text) != nil || ["NaN", "Infinity", "-Infinity"].contains(text): return
            default: invalidValue(path, name, value, into: &found)
            }
        case .bytes:
            guard case .string(let text) = value else {
                invalidValue(path, "TYPE_BYTES", value, into: &found)
                return
            }
            if !Base64Text.isValid(text) {
                let shown = text.count > 100 ? String(text.prefix(100)) + "..." : text
                found.append(
                    FieldViolation(field: path, description: "Invalid value at '\(path)' (TYPE_BYTES), Base64 decoding failed for \"\(shown)\"")
                )
            }
        case .duration:
            guard case .string(let text) = value, text.hasSuffix("s"), Double(text.dropLast()) != nil else {
                found.append(
                    FieldViolation(
                        field: path,
                        description: "Invalid value at '\(path)' (type.googleapis.com/google.protobuf.Duration), \(EmulatorJSON.compactString(value))"
                    )
                )
                return
            }
        case .enumeration(let spec):
            switch value {
            case .string(let text) where spec.values.contains(text): return
            case .integer: return
            default: invalidValue(path, typeURL(spec.name), value, into: &found)
            }
        case .repeated(let element):
            guard case .array(let items) = value else {
                invalidValue(path, element.typeName(typeURL), value, into: &found)
                return
            }
            for (offset, item) in items.enumerated() {
                if case .array = item {
                    found.append(
                        FieldViolation(
                            field: path,
                            description: "Invalid JSON payload received. Proto field is not repeating, cannot start list."
                        )
                    )
                    continue
                }
                check(item, kind: element, path: "\(path)[\(offset)]", into: &found)
            }
        case .map(let element):
            guard case .object(let object) = value else {
                invalidValue(path, element.typeName(typeURL), value, into: &found)
                return
            }
            for (offset, member) in object.members.enumerated() {
                check(member.value, kind: element, path: "\(path)[\(offset)].value", into: &found)
            }
        case .message(let name):
            guard let spec = PayloadSchema.messages[name] else { return }
            guard case .object(let object) = value else {
                invalidValue(path, typeURL(name), value, into: &found)
                return
            }
            checkMessage(object, spec: spec, path: path, into: &found)
        }
    }

    /// Google's `Unknown name "key" at 'path': reason` violation (without ` at ...` at the top level).
    private func unknownName(_ key: String, at path: String, _ reason: String) -> FieldViolation {
        let location = path.isEmpty ? "" : " at '\(path)'"
        return FieldViolation(
            field: path.isEmpty ? nil : path,
            description: "Invalid JSON payload received. Unknown name \"\(key)\"\(location): \(reason)"
        )
    }

    private func checkMessage(_ object: JSONObject, spec: MessageSpec, path: String, into found: inout [FieldViolation]) {
        for member in object.members {
            let key = member.key
            let fieldName = spec.fields[key] != nil ? key : FieldNames.lowerCamel(key)
            guard let field = spec.fields[fieldName], field.only == nil || field.only == backend else {
                // Google reports an unknown name at the enclosing message; an unknown top-level object is reported
                // at its own name (`Unknown name "extra_body" at 'extra_body'`).
                let at: String
                if case .object = member.value, path.isEmpty {
                    at = key
                } else {
                    at = path
                }
                found.append(unknownName(key, at: at, "Cannot find field."))
                continue
            }
            let childPath = (path.isEmpty ? "" : path + ".") + FieldNames.snakeCase(fieldName)
            if case .array = member.value {
                if case .repeated = field.kind {
                } else if case .any = field.kind {
                } else {
                    found.append(unknownName(key, at: path, "Proto field is not repeating, cannot start list."))
                    continue
                }
            }
            check(member.value, kind: field.kind, path: childPath, into: &found)
        }
    }
}

extension FieldKind {
    fileprivate var isInt32: Bool {
        if case .int32 = self { return true }
        return false
    }

    fileprivate var isFloat: Bool {
        if case .float = self { return true }
        return false
    }

    fileprivate func typeName(_ typeURL: (String) -> String) -> String {
        switch self {
        case .string: "TYPE_STRING"
        case .bool: "TYPE_BOOL"
        case .int32: "TYPE_INT32"
        case .int64: "TYPE_INT64"
        case .float: "TYPE_FLOAT"
        case .double: "TYPE_DOUBLE"
        case .bytes: "TYPE_BYTES"
        case .duration: "type.googleapis.com/google.protobuf.Duration"
        case .enumeration(let spec): typeURL(spec.name)
        case .message(let name): typeURL(name)
        case .any: "type.googleapis.com/google.protobuf.Value"
        case .repeated(let element), .map(let element): element.typeName(typeURL)
        }
    }
}

/// proto3 JSON name conversions.
enum FieldNames {
    /// `response_mime_type` → `responseMimeType`.
    static func lowerCamel(_ name: String) -> String {
        guard name.contains("_") else { return name }
        var result = ""
        var upperNext = false
        for character in name {
            if character == "_" {
                upperNext = true
            } else if upperNext {
                result += character.uppercased()
                upperNext = false
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// `responseMimeType` → `response_mime_type`.
    static func snakeCase(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }
}

/// Base64 as Google's JSON parser accepts it for `bytes`: standard or URL-safe alphabet, padded or not.
enum Base64Text {
    static func isValid(_ text: String) -> Bool {
        decode(text) != nil
    }

    static func decode(_ text: String) -> [UInt8]? {
        var body = Substring(text)
        while body.hasSuffix("=") { body.removeLast() }
        guard text.count - body.count <= 2 else { return nil }
        var standard = ""
        standard.reserveCapacity(body.count + 3)
        for character in body {
            switch character {
            case "-": standard.append("+")
            case "_": standard.append("/")
            case "A"..."Z", "a"..."z", "0"..."9", "+", "/": standard.append(character)
            default: return nil
            }
        }
        let remainder = standard.count % 4
        if remainder == 1 { return nil }
        if remainder > 0 { standard += String(repeating: "=", count: 4 - remainder) }
        return Data(base64Encoded: standard).map(Array.init)
    }
}
