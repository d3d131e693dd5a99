/// Finds where bytes stop being UTF-8, to refuse a string and point a ``JSONSyntaxError`` at the first bad byte.
///
/// Runs of ASCII are skipped eight bytes at a time. Hand-written: the standard library's `String(validating:as:)`
/// does not say where it failed, and is not specialised for raw buffers (it showed up as generic-metadata lookups
/// in profiles).
enum UTF8Check {
    /// The offset of the first byte in `start..<stop` that does not begin or continue a well-formed UTF-8
    /// sequence (Unicode Table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF), or `nil`.
    static func firstInvalidOffset(_ base: UnsafePointer<UInt8>, from start: Int, to stop: Int) -> Int? {
        var index = start
        let raw = UnsafeRawPointer(base)
        while index < stop {
            while index &+ 8 <= stop, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index &+= 8
            }
            guard index < stop else { break }
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: return index
            }
            for offset in 1..<length {
                guard index + offset < stop else { return index }
                let byte = base[index + offset]
                let (lower, upper) = offset == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                guard byte >= lower && byte <= upper else { return offset == 1 ? index : index + offset }
            }
            index += length
        }
        return nil
    }
}
