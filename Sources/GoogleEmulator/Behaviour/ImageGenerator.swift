import SwitchyardCrypto

/// Deterministic, recognisable pictures: colours come from the prompt, sizes from the aspect ratio.
enum ImageGenerator {
    /// The long side of every generated image, kept small so responses stay light.
    static let longSide = 128

    static let aspectRatios: [String: (Int, Int)] = [
        "1:1": (1, 1), "2:3": (2, 3), "3:2": (3, 2), "3:4": (3, 4), "4:3": (4, 3), "4:5": (4, 5), "5:4": (5, 4),
        "9:16": (9, 16), "16:9": (16, 9), "21:9": (21, 9),
    ]

    /// Width and height for an aspect ratio such as `16:9`; `nil` when Google does not offer that ratio.
    static func dimensions(aspectRatio: String?) -> (width: Int, height: Int)? {
        guard let aspectRatio else { return (longSide, longSide) }
        guard let (across, down) = aspectRatios[aspectRatio] else { return nil }
        if across >= down {
            return (longSide, max(1, longSide * down / across))
        }
        return (max(1, longSide * across / down), longSide)
    }

    /// A new picture for a prompt: a vertical gradient with a centred disc or square, colours from the prompt.
    static func picture(prompt: String, variant: Int, width: Int, height: Int) -> PNGImage {
        let seed = SHA256.hash(Array("\(prompt)#\(variant)".utf8))
        let background = RGB(seed: seed, at: 0)
        let foreground = RGB(seed: seed, at: 3)
        var image = PNGImage(width: width, height: height, fill: background)
        for y in 0..<height {
            let shade = background.darker(0.4 * Double(y) / Double(max(1, height - 1)))
            for x in 0..<width { image[x, y] = shade }
        }
        let radius = max(2, min(width, height) / 4)
        let centreX = width / 2 + Int(seed[6] % 9) - 4
        let centreY = height / 2 + Int(seed[7] % 9) - 4
        let square = seed[8] & 1 == 1
        for y in 0..<height {
            for x in 0..<width {
                let dx = x - centreX
                let dy = y - centreY
                let inside = square ? (abs(dx) <= radius && abs(dy) <= radius) : (dx * dx + dy * dy <= radius * radius)
                if inside { image[x, y] = foreground }
            }
        }
        return image
    }

    /// The earlier picture kept as it was, with a band coloured from the new prompt across it.
    ///
    /// `editNumber` (how many images the conversation already holds) moves the band up, so repeated edits stack.
    static func edit(_ base: PNGImage, prompt: String, editNumber: Int) -> PNGImage {
        var image = base
        let seed = SHA256.hash(Array(prompt.utf8))
        let colour = RGB(seed: seed, at: 9)
        let bandHeight = max(1, image.height / 8)
        let slot = editNumber % max(1, (image.height / bandHeight) - 1)
        let top = max(0, image.height - (slot + 1) * bandHeight)
        for y in top..<min(image.height, top + bandHeight) {
            for x in 0..<image.width { image[x, y] = colour }
        }
        return image
    }

    /// A stand-in for an image the emulator cannot decode (JPEG, compressed PNG): colours and stripes from its bytes.
    static func pictureFromForeignImage(_ bytes: [UInt8], width: Int, height: Int) -> PNGImage {
        let seed = SHA256.hash(bytes)
        let base = RGB(seed: seed, at: 0)
        let stripe = RGB(seed: seed, at: 3)
        var image = PNGImage(width: width, height: height, fill: base)
        for y in 0..<height {
            for x in 0..<width where (x + y) / 8 % 2 == 0 {
                image[x, y] = stripe
            }
        }
        return image
    }
}
