import Foundation

/// Request bodies the benchmark sends, identical for the direct and the gateway path.
enum Payloads {
    /// A short text prompt: the request most clients send most often.
    static let text = Data(
        #"{"contents":[{"role":"user","parts":[{"text":"Say hello to the benchmark in one short sentence."}]}],"generationConfig":{"temperature":0.2}}"#
            .utf8
    )

    /// A longer prompt for streaming, so the answer spans several events.
    static let stream = Data(
        #"{"contents":[{"role":"user","parts":[{"text":"Tell a short story about a gateway that forwards every event as soon as it arrives"}]}]}"#
            .utf8
    )

    /// An image-edit request carrying `png` inline; the emulator answers with an edited image of the same size.
    static func imageEdit(png: [UInt8]) -> Data {
        let base64 = Data(png).base64EncodedString()
        let json =
            #"{"contents":[{"role":"user","parts":[{"text":"Add a band to this picture"},{"inlineData":{"mimeType":"image/png","data":""#
            + base64
            + #""}}]}],"generationConfig":{"responseModalities":["TEXT","IMAGE"]}}"#
        return Data(json.utf8)
    }
}

/// An uncompressed RGB PNG (stored deflate blocks), the form the emulator decodes and edits at full size.
enum StoredPNG {
    /// A `side` × `side` picture with a simple pattern; about `3 * side * side` bytes.
    static func make(side: Int) -> [UInt8] {
        var raw: [UInt8] = []
        raw.reserveCapacity(side * (1 + 3 * side))
        for y in 0..<side {
            raw.append(0)
            for x in 0..<side {
                raw.append(UInt8(truncatingIfNeeded: x))
                raw.append(UInt8(truncatingIfNeeded: y))
                raw.append(UInt8(truncatingIfNeeded: x ^ y))
            }
        }
        var zlib: [UInt8] = [0x78, 0x01]
        zlib.reserveCapacity(raw.count + raw.count / 65_535 * 5 + 16)
        var offset = 0
        repeat {
            let length = min(65_535, raw.count - offset)
            let isLast = offset + length == raw.count
            zlib += [isLast ? 1 : 0, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
            zlib += raw[offset..<(offset + length)]
            offset += length
        } while offset < raw.count
        zlib += bigEndian(adler32(raw))
        var header = bigEndian(UInt32(side)) + bigEndian(UInt32(side))
        header += [8, 2, 0, 0, 0]
        var file: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        file += chunk("IHDR", header)
        file += chunk("IDAT", zlib)
        file += chunk("IEND", [])
        return file
    }

    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typed = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + typed + bigEndian(crc32(typed))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    private static let crcTable: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    private static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        var index = 0
        while index < bytes.count {
            let end = min(bytes.count, index + 5552)
            while index < end {
                a += UInt32(bytes[index])
                b += a
                index += 1
            }
            a %= 65_521
            b %= 65_521
        }
        return (b << 16) | a
    }
}
