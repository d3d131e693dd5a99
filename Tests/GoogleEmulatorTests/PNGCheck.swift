import Foundation

/// An independent PNG reader for the tests: checks the signature, every chunk's CRC-32, the IHDR fields and the zlib
/// stream's Adler-32, and returns the RGB pixels. It reads stored (uncompressed) deflate blocks only, which is what
/// the emulator writes.
struct PNGCheck: Sendable {
    let width: Int
    let height: Int
    let pixels: [UInt8]

    struct Invalid: Error, CustomStringConvertible {
        let description: String
    }

    init(_ data: Data) throws {
        let bytes = [UInt8](data)
        guard bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { throw Invalid(description: "signature") }
        var offset = 8
        var chunks: [(String, [UInt8])] = []
        while offset < bytes.count {
            guard offset + 12 <= bytes.count else { throw Invalid(description: "truncated chunk") }
            let length = Self.uint32(bytes, offset)
            let type = Array(bytes[(offset + 4)..<(offset + 8)])
            let body = Array(bytes[(offset + 8)..<(offset + 8 + length)])
            guard Self.uint32(bytes, offset + 8 + length) == Int(Self.crc32(type + body)) else {
                throw Invalid(description: "CRC of \(String(decoding: type, as: UTF8.self))")
            }
            chunks.append((String(decoding: type, as: UTF8.self), body))
            offset += 12 + length
        }
        guard chunks.first?.0 == "IHDR", chunks.last?.0 == "IEND", let header = chunks.first?.1, header.count == 13 else {
            throw Invalid(description: "chunk order")
        }
        width = Self.uint32(header, 0)
        height = Self.uint32(header, 4)
        guard header[8] == 8, header[9] == 2 else { throw Invalid(description: "not 8-bit RGB") }
        let zlib = chunks.filter { $0.0 == "IDAT" }.flatMap(\.1)
        guard zlib.count > 6, (Int(zlib[0]) << 8 | Int(zlib[1])) % 31 == 0 else { throw Invalid(description: "zlib header") }
        var raw: [UInt8] = []
        var position = 2
        var final = false
        while !final {
            final = zlib[position] & 1 == 1
            guard zlib[position] & 0x06 == 0 else { throw Invalid(description: "compressed block") }
            let length = Int(zlib[position + 1]) | Int(zlib[position + 2]) << 8
            let complement = Int(zlib[position + 3]) | Int(zlib[position + 4]) << 8
            guard length ^ 0xFFFF == complement else { throw Invalid(description: "LEN/NLEN") }
            raw += zlib[(position + 5)..<(position + 5 + length)]
            position += 5 + length
        }
        guard Self.uint32(zlib, position) == Int(Self.adler32(raw)) else { throw Invalid(description: "Adler-32") }
        guard raw.count == (width * 3 + 1) * height else { throw Invalid(description: "image data size") }
        var pixels: [UInt8] = []
        for row in 0..<height {
            let start = row * (width * 3 + 1)
            guard raw[start] == 0 else { throw Invalid(description: "filter") }
            pixels += raw[(start + 1)...(start + width * 3)]
        }
        self.pixels = pixels
    }

    func pixel(_ x: Int, _ y: Int) -> [UInt8] {
        let offset = (y * width + x) * 3
        return Array(pixels[offset..<(offset + 3)])
    }

    private static func uint32(_ bytes: [UInt8], _ offset: Int) -> Int {
        Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    private static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return b << 16 | a
    }
}
