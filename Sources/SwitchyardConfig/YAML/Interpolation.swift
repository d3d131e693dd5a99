import Foundation

/// `${VAR}` and `${VAR:-default}` substitution in configuration values. `$$` stands for a literal `$`.
enum Interpolation {
    enum Failure: Error, Equatable {
        case missing(String)
        case malformed(String)
    }

    /// Substitutes variables from `environment`. `${VAR:-default}` uses the default when VAR is unset or empty.
    static func apply(_ text: String, environment: [String: String]) -> Result<String, Failure> {
        guard text.contains("$") else { return .success(text) }
        var output = ""
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            output += rest[..<dollar]
            let afterDollar = rest.index(after: dollar)
            if afterDollar < rest.endIndex, rest[afterDollar] == "$" {
                output += "$"
                rest = rest[rest.index(after: afterDollar)...]
                continue
            }
            guard afterDollar < rest.endIndex, rest[afterDollar] == "{" else {
                output += "$"
                rest = rest[afterDollar...]
                continue
            }
            guard let close = rest[afterDollar...].firstIndex(of: "}") else {
                return .failure(.malformed("unterminated \"${\" in \"\(text)\""))
            }
            let body = rest[rest.index(after: afterDollar)..<close]
            let name: Substring
            let fallback: Substring?
            if let separator = body.range(of: ":-") {
                name = body[..<separator.lowerBound]
                fallback = body[separator.upperBound...]
            } else {
                name = body
                fallback = nil
            }
            guard !name.isEmpty, name.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }) else {
                return .failure(.malformed("invalid variable reference \"${\(body)}\""))
            }
            if let value = environment[String(name)], !(fallback != nil && value.isEmpty) {
                output += value
            } else if let fallback {
                output += fallback
            } else {
                return .failure(.missing(String(name)))
            }
            rest = rest[rest.index(after: close)...]
        }
        output += rest
        return .success(output)
    }
}
