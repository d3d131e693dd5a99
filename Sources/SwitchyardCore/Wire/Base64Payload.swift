import Foundation

/// Binary data as it travels in JSON (`inlineData.data`, `thoughtSignature`, Imagen `bytesBase64Encoded`), kept as
/// the base64 text it arrived in.
///
/// Decoding checks the alphabet once and accepts standard, URL-safe and unpadded base64 (what Google's parsers and
/// the Python SDK accept). The text is never decoded on the way through: ``standardBase64`` maps URL-safe
/// characters and adds padding byte by byte, and returns the original string untouched when it already is standard.
/// ``bytes()`` decodes only when asked.
public struct Base64Payload: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The text exactly as received or created.
    public let wireText: String
    /// Whether ``wireText`` already uses the standard alphabet with padding.
    private let isStandard: Bool
    /// The number of unpadded characters.
    private let dataLength: Int

    /// Why a text is not base64.
    public struct Invalid: Error, Sendable, Hashable, CustomStringConvertible {
        /// A one-line explanation, e.g. `invalid base64 character '!'`.
        public let message: String
        /// The explanation.
        public var description: String { message }
    }

    /// Checks that `text` is base64 (standard or URL-safe alphabet, padded or not) and keeps it as is.
    /// - Throws: ``Invalid`` naming the first offending character.
    public init(validating text: String) throws(Invalid) {
        var text = text
        let result = text.withUTF8 { Self.scan($0) }
        switch result {
        case .success(let scan):
            self.wireText = text
            self.isStandard = scan.isStandard
            self.dataLength = scan.dataLength
        case .failure(let invalid):
            throw invalid
        }
    }

    /// Encodes bytes as standard padded base64.
    public init(bytes: Data) {
        let text = bytes.base64EncodedString()
        self.wireText = text
        self.isStandard = true
        self.dataLength = text.utf8.count - text.utf8.reversed().prefix(while: { $0 == UInt8(ascii: "=") }).count
    }

    /// The text in the standard alphabet with padding; the original string when it already is.
    public var standardBase64: String {
        if isStandard { return wireText }
        let padded = (dataLength + 3) / 4 * 4
        var source = wireText
        return source.withUTF8 { input in
            Self.standardAlphabet.withUnsafeBufferPointer { map in
                String(unsafeUninitializedCapacity: padded) { output in
                    var index = 0
                    while index < dataLength {
                        output[index] = map[Int(input[index])]
                        index += 1
                    }
                    while index < padded {
                        output[index] = UInt8(ascii: "=")
                        index += 1
                    }
                    return padded
                }
            }
        }
    }

    /// Maps every byte to itself except the URL-safe `-` and `_`, which become `+` and `/`.
    private static let standardAlphabet: [UInt8] = {
        var table = (0...255).map { UInt8($0) }
        table[Int(UInt8(ascii: "-"))] = UInt8(ascii: "+")
        table[Int(UInt8(ascii: "_"))] = UInt8(ascii: "/")
        return table
    }()

    /// The number of bytes the text encodes, computed without decoding.
    public var byteCount: Int {
        dataLength / 4 * 3 + max(0, dataLength % 4 - 1)
    }

    /// Decodes the bytes. The text was validated when this value was made, so this does not fail.
    public func bytes() -> Data {
        Data(base64Encoded: standardBase64) ?? Data()
    }

    /// A short summary; never the payload itself.
    public var description: String { "Base64Payload(\(byteCount) bytes)" }

    /// Whether both encode the same bytes, whatever alphabet each arrived in.
    public static func == (lhs: Base64Payload, rhs: Base64Payload) -> Bool {
        if lhs.isStandard && rhs.isStandard { return lhs.wireText == rhs.wireText }
        return lhs.dataLength == rhs.dataLength && lhs.standardBase64 == rhs.standardBase64
    }

    /// Hashes the standard spelling.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(standardBase64)
    }

    /// Decodes a base64 string, failing with the field's path when a character is outside both alphabets.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(validating: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    /// Encodes standard padded base64.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(standardBase64)
    }

    private struct Scan {
        var isStandard: Bool
        var dataLength: Int
    }

    /// Byte classes: 0 invalid, 1 standard alphabet, 2 URL-safe only (`-`, `_`), 3 padding.
    private static let byteClasses: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(byte)] = 1 }
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(byte)] = 1 }
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(byte)] = 1 }
        table[Int(UInt8(ascii: "+"))] = 1
        table[Int(UInt8(ascii: "/"))] = 1
        table[Int(UInt8(ascii: "-"))] = 2
        table[Int(UInt8(ascii: "_"))] = 2
        table[Int(UInt8(ascii: "="))] = 3
        return table
    }()

    private static func scan(_ input: UnsafeBufferPointer<UInt8>) -> Result<Scan, Invalid> {
        var urlSafe = false
        var padding = 0
        let failure: Invalid? = byteClasses.withUnsafeBufferPointer { table in
            var index = 0
            let count = input.count
            while index < count {
                // Eight standard-alphabet bytes at a time; anything else is classified byte by byte below.
                while index &+ 8 <= count,
                    isStandardWord(UnsafeRawBufferPointer(input).loadUnaligned(fromByteOffset: index, as: UInt64.self))
                {
                    index &+= 8
                }
                guard index < count else { break }
                let byteClass = table[Int(input[index])]
                index += 1
                if byteClass == 1 { continue }
                if byteClass == 2 {
                    urlSafe = true
                    continue
                }
                if byteClass == 3 {
                    padding = 1
                    while index < count {
                        guard input[index] == UInt8(ascii: "=") else {
                            return Invalid(message: "invalid base64: \(describe(input[index])) after padding")
                        }
                        padding += 1
                        index += 1
                    }
                    return nil
                }
                return Invalid(message: "invalid base64 character \(describe(input[index - 1]))")
            }
            return nil
        }
        if let failure { return .failure(failure) }
        let dataLength = input.count - padding
        if padding > 2 || (padding > 0 && input.count % 4 != 0) {
            return .failure(Invalid(message: "invalid base64: wrong padding"))
        }
        if dataLength % 4 == 1 {
            return .failure(Invalid(message: "invalid base64: truncated (length \(dataLength) is not possible)"))
        }
        return .success(Scan(isStandard: !urlSafe && input.count % 4 == 0, dataLength: dataLength))
    }

    /// Whether all eight bytes of `word` are in the standard alphabet (`A-Z`, `a-z`, `0-9`, `+`, `/`).
    ///
    /// Hand-written SWAR (a SIMD library would do this): for bytes below 0x80, `((byte | 0x80) - n) & 0x80` is set
    /// exactly when `byte >= n`, with no borrow between bytes, so each range test is two subtractions.
    @inline(__always)
    private static func isStandardWord(_ word: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        guard word & high == 0 else { return false }
        let set = word | high
        @inline(__always) func atLeast(_ byte: UInt8) -> UInt64 { (set &- ones &* UInt64(byte)) & high }
        let upper = atLeast(UInt8(ascii: "A")) & ~atLeast(UInt8(ascii: "Z") + 1)
        let lower = atLeast(UInt8(ascii: "a")) & ~atLeast(UInt8(ascii: "z") + 1)
        let digit = atLeast(UInt8(ascii: "0")) & ~atLeast(UInt8(ascii: "9") + 1)
        let plus = atLeast(UInt8(ascii: "+")) & ~atLeast(UInt8(ascii: "+") + 1)
        let slash = atLeast(UInt8(ascii: "/")) & ~atLeast(UInt8(ascii: "/") + 1)
        return upper | lower | digit | plus | slash == high
    }

    private static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F {
            return "'\(Character(Unicode.Scalar(byte)))'"
        }
        let hex = String(byte, radix: 16, uppercase: true)
        return "0x" + (hex.count == 1 ? "0" + hex : hex)
    }
}
