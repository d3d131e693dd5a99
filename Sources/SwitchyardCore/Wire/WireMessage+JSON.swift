import Foundation

extension WireMessage {
    /// Decodes a message from a JSON body, turning any failure into an `invalidArgument` ``SwitchyardError`` whose
    /// message names the offending field (see ``Swift/DecodingError/fieldMessage``).
    public static func decode(json: Data) throws(SwitchyardError) -> Self {
        do {
            return try JSONDecoder().decode(Self.self, from: json)
        } catch {
            throw SwitchyardError(decoding: error)
        }
    }

    /// Encodes the message as compact camelCase JSON, without escaping `/` (base64 payloads stay as they are).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
