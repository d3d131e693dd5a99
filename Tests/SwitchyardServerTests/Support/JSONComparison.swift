import Foundation
import Testing

/// Compares JSON texts by value (key order aside), the way clients read them.
enum JSONComparison {
    static func same(_ lhs: Data, _ rhs: Data) -> Bool {
        guard let left = try? JSONSerialization.jsonObject(with: lhs, options: [.fragmentsAllowed]),
            let right = try? JSONSerialization.jsonObject(with: rhs, options: [.fragmentsAllowed])
        else { return false }
        let options: JSONSerialization.WritingOptions = [.sortedKeys, .fragmentsAllowed]
        guard let leftCanonical = try? JSONSerialization.data(withJSONObject: left, options: options),
            let rightCanonical = try? JSONSerialization.data(withJSONObject: right, options: options)
        else { return false }
        return leftCanonical == rightCanonical
    }

    static func same(_ lhs: Data, _ rhs: String) -> Bool {
        same(lhs, Data(rhs.utf8))
    }

    static func object(_ data: Data) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    /// Splits a server-sent-event body into its `data:` payloads, failing (returning nil) unless every event is
    /// exactly `data: <one line>` followed by a blank line (LF line ends), with nothing else in the body.
    static func serverSentEvents(_ body: Data) -> [Data]? {
        let text = String(decoding: body, as: UTF8.self)
        guard text.hasSuffix("\n\n") else { return nil }
        var payloads: [Data] = []
        for event in text.dropLast(2).components(separatedBy: "\n\n") {
            guard event.hasPrefix("data: "), !event.contains("\n"), !event.contains("\r") else { return nil }
            payloads.append(Data(event.dropFirst(6).utf8))
        }
        return payloads
    }
}
