/// Request ids: random version-4 UUIDs in lowercase text, e.g. `3f2b8c1e-7a4d-4e21-9b6f-0c5d2e8a1f47`.
///
/// Foundation's `UUID()` on Linux opens, reads and closes `/dev/urandom` for every id; this draws its 128 bits from
/// the system generator (`getrandom`) and formats them without Foundation.
public enum RequestID {
    /// A new random id.
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        var high = generator.next()
        var low = generator.next()
        high = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000  // version 4
        low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000  // RFC 4122 variant
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(36)
        for (index, word) in [high, low].enumerated() {
            for nibble in 0..<16 {
                let position = index * 16 + nibble
                if position == 8 || position == 12 || position == 16 || position == 20 { text.append(UInt8(ascii: "-")) }
                text.append(digits[Int((word >> UInt64(60 - nibble * 4)) & 0xF)])
            }
        }
        return String(decoding: text, as: UTF8.self)
    }
}
