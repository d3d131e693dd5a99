/// Field-name spelling rules of Google's proto-JSON.
public enum WireName {
    /// The lowerCamel spelling of a JSON field name: `inline_data` becomes `inlineData`, `mime_type` becomes `mimeType`.
    ///
    /// An underscore followed by a lower-case ASCII letter becomes that letter in upper case, as proto3 JSON names
    /// are formed; other characters are kept. A name without an underscore is returned unchanged without copying.
    public static func lowerCamel(_ name: String) -> String {
        guard hasUnderscore(name) else { return name }
        var output: [UInt8] = []
        output.reserveCapacity(name.utf8.count)
        var pendingUnderscore = false
        for byte in name.utf8 {
            if byte == UInt8(ascii: "_") {
                if pendingUnderscore { output.append(byte) }
                pendingUnderscore = true
                continue
            }
            if pendingUnderscore {
                pendingUnderscore = false
                if output.isEmpty {
                    // A leading underscore is not a word break.
                    output.append(UInt8(ascii: "_"))
                    output.append(byte)
                } else if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") {
                    output.append(byte - 32)
                } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                    output.append(byte)
                } else {
                    output.append(UInt8(ascii: "_"))
                    output.append(byte)
                }
            } else {
                output.append(byte)
            }
        }
        if pendingUnderscore { output.append(UInt8(ascii: "_")) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether `name` contains `_`, scanning its contiguous UTF-8 directly (every key of every decoded object is
    /// checked; `utf8.contains` stepped through string indices).
    private static func hasUnderscore(_ name: String) -> Bool {
        let scanned = name.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes where byte == UInt8(ascii: "_") { return true }
            return false
        }
        return scanned ?? name.utf8.contains(UInt8(ascii: "_"))
    }
}
