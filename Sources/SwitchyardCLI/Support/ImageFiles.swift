import Foundation
import Switchyard

/// Reading `--image` inputs and writing returned images as numbered files.
enum ImageFiles {
    /// The file extension for an image MIME type (`image/png` → `png`); `bin` for anything unknown.
    static func fileExtension(forMimeType mimeType: String?) -> String {
        switch mimeType?.lowercased() {
        case "image/png": "png"
        case "image/jpeg", "image/jpg": "jpg"
        case "image/webp": "webp"
        case "image/gif": "gif"
        case "image/heic": "heic"
        case "image/heif": "heif"
        default: "bin"
        }
    }

    /// The MIME type of image bytes, from their signature (PNG, JPEG, WebP, GIF), else from the file extension.
    static func mimeType(of data: Data, path: String) -> String? {
        let bytes = [UInt8](data.prefix(12))
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "image/png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if bytes.starts(with: Array("GIF8".utf8)) { return "image/gif" }
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) { return "image/webp" }
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "webp": return "image/webp"
        case "gif": return "image/gif"
        case "heic": return "image/heic"
        case "heif": return "image/heif"
        default: return nil
        }
    }

    /// Reads `--image` files as inline-data parts.
    /// - Throws: ``CLIFailure`` (usage) naming a file that cannot be read or is not a known image type.
    static func inlineParts(paths: [String]) throws(CLIFailure) -> [Part] {
        var parts: [Part] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CLIFailure(
                    "cannot read --image \(path)",
                    hint: "give the path of an existing PNG, JPEG, WebP or GIF file",
                    exitCode: CLIExitCode.usage
                )
            }
            guard let mimeType = mimeType(of: data, path: path) else {
                throw CLIFailure(
                    "--image \(path) is not a PNG, JPEG, WebP, GIF or HEIC image",
                    hint: "give an image file, e.g. one an earlier `switchyard generate` wrote",
                    exitCode: CLIExitCode.usage
                )
            }
            parts.append(Part(mimeType: mimeType, data: Base64Payload(bytes: data)))
        }
        return parts
    }

    /// Writes images into a directory as `<prefix>-<n>.<ext>`, numbering on from the highest `n` already there so
    /// an edit never overwrites the image it started from.
    struct Writer {
        let directory: URL
        let prefix: String
        private(set) var next: Int

        /// Prepares numbering; the directory is created when the first image is written.
        init(directory: String, prefix: String = "image") {
            self.directory = URL(fileURLWithPath: directory, isDirectory: true)
            self.prefix = prefix
            let existing = (try? FileManager.default.contentsOfDirectory(atPath: self.directory.path)) ?? []
            let numbers = existing.compactMap { name -> Int? in
                guard name.hasPrefix(prefix + "-") else { return nil }
                let stem = name.dropFirst(prefix.count + 1).prefix { $0 != "." }
                return Int(stem)
            }
            self.next = (numbers.max() ?? 0) + 1
        }

        /// Creates the directory when missing.
        /// - Throws: ``CLIFailure`` when it cannot be created.
        func createDirectory() throws(CLIFailure) {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw CLIFailure("cannot create the output directory \(directory.path): \(error.localizedDescription)", hint: "pass a writable --out")
            }
        }

        /// Writes one image and returns its path.
        /// - Throws: ``CLIFailure`` when the file cannot be written.
        mutating func write(_ blob: Blob) throws(CLIFailure) -> URL {
            try createDirectory()
            let url = directory.appendingPathComponent("\(prefix)-\(next).\(ImageFiles.fileExtension(forMimeType: blob.mimeType))")
            do {
                try (blob.data?.bytes() ?? Data()).write(to: url, options: .atomic)
            } catch {
                throw CLIFailure("cannot write \(url.path): \(error.localizedDescription)", hint: "pass a writable --out")
            }
            next += 1
            return url
        }
    }
}
