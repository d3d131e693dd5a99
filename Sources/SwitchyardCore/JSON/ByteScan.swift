/// Word-at-a-time byte scanning shared by ``JSONReader`` and ``JSONWriter``.
///
/// Hand-written: a JSON library (or SIMD intrinsics) would do this; none is among this machine's Swift packages, and
/// eight bytes at a time with plain integer arithmetic is enough to keep a 40 MB base64 string well under the budget.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let quotes: UInt64 = 0x2222_2222_2222_2222
    private static let backslashes: UInt64 = 0x5C5C_5C5C_5C5C_5C5C
    private static let spaces: UInt64 = 0x2020_2020_2020_2020

    /// The offset of the first byte at or after `start` that is `"`, `\` or below 0x20 (a byte a JSON string cannot
    /// hold raw), or `end` when there is none.
    @inline(__always)
    static func firstStringSpecial(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var seen: UInt64 = 0
        return firstStringSpecial(base, from: start, to: end, seen: &seen)
    }

    /// ``firstStringSpecial(_:from:to:)``, also OR-ing every byte scanned into `seen`: afterwards
    /// `seen & 0x80 == 0` when all of them were ASCII (so the run needs no UTF-8 validation).
    @inline(__always)
    static func firstStringSpecial(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int, seen: inout UInt64) -> Int {
        var index = start
        let raw = UnsafeRawPointer(base)
        var accumulated: UInt64 = 0
        defer { seen |= accumulated | accumulated >> 32 | accumulated >> 16 | accumulated >> 8 }
        while index &+ 8 <= end {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let quote = word ^ quotes
            let backslash = word ^ backslashes
            // A byte of `v` is zero exactly when (v - 1) borrows into its high bit while v's high bit is clear; the
            // same test against 0x20 finds bytes below 0x20. Each test is exact about whether the word has a match.
            let found =
                ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash | (word &- spaces) & ~word) & highBits
            if found != 0 { break }
            accumulated |= word
            index &+= 8
        }
        while index < end {
            let byte = base[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { return index }
            accumulated |= UInt64(byte)
            index &+= 1
        }
        return end
    }
}
