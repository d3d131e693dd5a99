/// An 8-bit RGB picture and its PNG encoding.
///
/// Written by hand because Foundation on Linux has no zlib API: the image data is a zlib stream made of *stored*
/// (uncompressed) deflate blocks, followed by its Adler-32, and every chunk carries its CRC-32. Decoding reads back
/// exactly that form (stored blocks, filter type 0), which is enough to edit the emulator's own images.
struct PNGImage: Sendable, Equatable {
    let width: Int
    let height: Int
    /// Row-major RGB triples.
    var pixels: [UInt8]

    init(width: Int, height: Int, fill: RGB) {
        self.width = width
        self.height = height
        self.pixels = [UInt8](repeating: 0, count: width * height * 3)
        for index in 0..<(width * height) {
            pixels[index * 3] = fill.red
            pixels[index * 3 + 1] = fill.green
            pixels[index * 3 + 2] = fill.blue
        }
    }

    init(width: Int, height: Int, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    subscript(x: Int, y: Int) -> RGB {
        get {
            let offset = (y * width + x) * 3
            return RGB(red: pixels[offset], green: pixels[offset + 1], blue: pixels[offset + 2])
        }
        set {
            let offset = (y * width + x) * 3
            pixels[offset] = newValue.red
            pixels[offset + 1] = newValue.green
            pixels[offset + 2] = newValue.blue
        }
    }

    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The PNG file bytes.
    func encoded() -> [UInt8] {
        var raw: [UInt8] = []
        raw.reserveCapacity((width * 3 + 1) * height)
        for row in 0..<height {
            raw.append(0)  // filter type 0 (None)
            raw.append(contentsOf: pixels[(row * width * 3)..<((row + 1) * width * 3)])
        }
        var zlib: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let length = min(65_535, raw.count - offset)
            let isLast = offset + length >= raw.count
            zlib.append(isLast ? 1 : 0)  // BFINAL, BTYPE=00 (stored)
            zlib.append(UInt8(length & 0xFF))
            zlib.append(UInt8(length >> 8))
            zlib.append(UInt8(~length & 0xFF))
            zlib.append(UInt8((~length >> 8) & 0xFF))
            zlib.append(contentsOf: raw[offset..<(offset + length)])
            offset += length
        } while offset < raw.count
        zlib.append(contentsOf: Self.bigEndian(Self.adler32(raw)))

        var header: [UInt8] = []
        header += Self.bigEndian(UInt32(width))
        header += Self.bigEndian(UInt32(height))
        header += [8, 2, 0, 0, 0]  // bit depth 8, colour type 2 (RGB), deflate, filter 0, no interlace

        var file = Self.signature
        file += Self.chunk("IHDR", header)
        file += Self.chunk("IDAT", zlib)
        file += Self.chunk("IEND", [])
        return file
    }

    /// Reads a PNG the emulator wrote (RGB, 8-bit, stored deflate, filter 0); `nil` for anything else.
    static func decode(_ bytes: [UInt8]) -> PNGImage? {
        guard bytes.count > 8, Array(bytes[0..<8]) == signature else { return nil }
        var offset = 8
        var width = 0
        var height = 0
        var idat: [UInt8] = []
        while offset + 12 <= bytes.count {
            let length = Int(readUInt32(bytes, offset))
            guard offset + 12 + length <= bytes.count else { return nil }
            let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            let data = Array(bytes[(offset + 8)..<(offset + 8 + length)])
            let crc = readUInt32(bytes, offset + 8 + length)
            guard crc == crc32(Array(type.utf8) + data) else { return nil }
            switch type {
            case "IHDR":
                guard data.count == 13, data[8] == 8, data[9] == 2, data[12] == 0 else { return nil }
                width = Int(readUInt32(data, 0))
                height = Int(readUInt32(data, 4))
            case "IDAT":
                idat += data
            case "IEND":
                offset = bytes.count
                continue
            default:
                break
            }
            offset += 12 + length
        }
        guard width > 0, height > 0, width <= 4096, height <= 4096, idat.count > 6 else { return nil }
        // zlib: 2-byte header, stored blocks, Adler-32.
        var raw: [UInt8] = []
        var position = 2
        while true {
            guard position + 5 <= idat.count else { return nil }
            let blockHeader = idat[position]
            guard blockHeader & 0x06 == 0 else { return nil }  // only stored blocks
            let length = Int(idat[position + 1]) | Int(idat[position + 2]) << 8
            position += 5
            guard position + length <= idat.count else { return nil }
            raw += idat[position..<(position + length)]
            position += length
            if blockHeader & 1 == 1 { break }
        }
        let stride = width * 3 + 1
        guard raw.count == stride * height else { return nil }
        var pixels: [UInt8] = []
        pixels.reserveCapacity(width * height * 3)
        for row in 0..<height {
            guard raw[row * stride] == 0 else { return nil }
            pixels += raw[(row * stride + 1)..<((row + 1) * stride)]
        }
        return PNGImage(width: width, height: height, pixels: pixels)
    }

    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        return bigEndian(UInt32(data.count)) + typeBytes + data + bigEndian(crc32(typeBytes + data))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    private static func readUInt32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }

    private static let crcTable: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1
        }
        return value
    }

    /// CRC-32 (ISO-HDLC, as PNG chunks use it).
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    /// Adler-32, the zlib trailer.
    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return b << 16 | a
    }
}

/// A colour.
struct RGB: Sendable, Equatable {
    var red: UInt8
    var green: UInt8
    var blue: UInt8

    /// A colour from three bytes of a digest, kept away from black so shapes stay visible.
    init(seed: [UInt8], at offset: Int) {
        red = 40 + seed[offset % seed.count] % 200
        green = 40 + seed[(offset + 1) % seed.count] % 200
        blue = 40 + seed[(offset + 2) % seed.count] % 200
    }

    init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Mixed towards black by `amount` in 0...1.
    func darker(_ amount: Double) -> RGB {
        RGB(
            red: UInt8(Double(red) * (1 - amount)),
            green: UInt8(Double(green) * (1 - amount)),
            blue: UInt8(Double(blue) * (1 - amount))
        )
    }
}
