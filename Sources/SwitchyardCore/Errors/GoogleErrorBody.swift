import Foundation

/// Google's error body (google.rpc.Status as JSON), the same on both backends:
/// `{"error":{"code":429,"message":"…","status":"RESOURCE_EXHAUSTED","details":[…]}}`.
public struct GoogleErrorBody: Codable, Sendable, Hashable {
    /// The status record.
    public var error: Status

    /// The `error` record.
    public struct Status: Codable, Sendable, Hashable {
        /// The HTTP status.
        public var code: Int?
        /// A human explanation.
        public var message: String?
        /// The canonical status name, e.g. `RESOURCE_EXHAUSTED`.
        public var status: String?
        /// Typed detail records (`@type` + fields), verbatim.
        public var details: [JSONValue]?
    }

    /// Creates a body.
    public init(code: Int, message: String, status: String, details: [JSONValue] = []) {
        self.error = Status(code: code, message: message, status: status, details: details.isEmpty ? nil : details)
    }

    /// Parses an upstream body: an object with `error`, or a one-element list of one (as some endpoints send).
    /// Returns `nil` when the body is not Google's shape.
    public static func parse(_ body: Data) -> GoogleErrorBody? {
        guard let value = try? JSONReader().read(body) else { return nil }
        let decoder = JSONValueDecoder()
        if let single = try? decoder.decode(GoogleErrorBody.self, from: value) { return single }
        if let list = try? decoder.decode([GoogleErrorBody].self, from: value), list.count == 1 { return list[0] }
        return nil
    }

    /// The delay of a `google.rpc.RetryInfo` detail (`"retryDelay": "37s"` or `"1.5s"`), if any.
    public static func retryDelay(in details: [JSONValue]) -> Duration? {
        for detail in details {
            guard let type = detail["@type"]?.stringValue, type.hasSuffix("google.rpc.RetryInfo") else { continue }
            guard let text = detail["retryDelay"]?.stringValue, text.hasSuffix("s"), let seconds = Double(text.dropLast()),
                seconds >= 0, seconds.isFinite
            else { continue }
            return .milliseconds(Int64((seconds * 1000).rounded()))
        }
        return nil
    }
}
