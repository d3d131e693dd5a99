import Foundation

extension WireMessage {
    /// Decodes a message from a JSON body (``JSONReader`` then ``JSONValueDecoder``), turning any failure into an
    /// `invalidArgument` ``SwitchyardError`` whose message names the offending field (see
    /// ``Swift/DecodingError/fieldMessage``) or, for text that is not JSON, the line and column.
    ///
    /// Free-form fields (``JSONValue``) and unknown fields keep the member order of the body.
    public static func decode(json: Data) throws(SwitchyardError) -> Self {
        do {
            let value = try JSONReader().read(json)
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
