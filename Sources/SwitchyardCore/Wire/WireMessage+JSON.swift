import Foundation

extension WireMessage {
    /// Decodes a message from a JSON body, turning any failure into an `invalidArgument` ``SwitchyardError`` whose
    /// message names the offending field (see ``Swift/DecodingError/fieldMessage``) or, for text that is not JSON,
    /// the line and column.
    ///
    /// The message is read straight from the text where it can be (``WireDirectReading``); otherwise, and for every
    /// error, through ``JSONReader`` and ``JSONValueDecoder``. Free-form fields (``JSONValue``) and unknown fields
    /// keep the member order of the body.
    public static func decode(json: Data) throws(SwitchyardError) -> Self {
        let reader = JSONReader()
        if let direct = json.withUnsafeBytes({ WireDirectReading.decode(Self.self, from: $0, maximumDepth: reader.maximumDepth) }) {
            return direct
        }
        do {
            let value = try reader.read(json)
            return try JSONValueDecoder().decode(Self.self, from: value)
        } catch {
            throw SwitchyardError(decoding: error)
        }
    }

    /// Encodes the message as compact camelCase JSON (``JSONValueEncoder`` then ``JSONWriter``): known fields in
    /// ``wireFields`` order, then unknown fields, free-form members in their stored order, `/` not escaped.
    public func jsonData() throws -> Data {
        try JSONWriter.data(JSONValueEncoder().encode(self))
    }
}
