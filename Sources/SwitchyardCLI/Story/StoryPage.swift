import Foundation

/// An illustrated story as one HTML page: text and images interleaved in the order the model returned them.
struct StoryPage {
    /// One piece of the story.
    enum Block: Equatable {
        /// Prose, shown as paragraphs (blank lines split them).
        case text(String)
        /// An image file beside the page, referenced by relative path.
        case image(fileName: String)
    }

    var title: String
    var blocks: [Block]
    var footer: String

    /// The whole page; every piece of model or user text is HTML-escaped.
    var html: String {
        var body = ""
        var imageNumber = 0
        for block in blocks {
            switch block {
            case .text(let text):
                for paragraph in Self.paragraphs(text) {
                    body += "    <p>\(Self.escape(paragraph))</p>\n"
                }
            case .image(let fileName):
                imageNumber += 1
                let source = Self.escape(fileName.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? fileName)
                body += "    <figure><img src=\"\(source)\" alt=\"Illustration \(imageNumber)\"></figure>\n"
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Self.escape(title))</title>
            <style>
              body { font-family: Georgia, serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.6; }
              figure { margin: 1.5rem 0; text-align: center; }
              img { max-width: 100%; height: auto; border-radius: 6px; }
              footer { margin-top: 3rem; font-size: 0.85rem; color: #666; }
            </style>
            </head>
            <body>
            <article>
                <h1>\(Self.escape(title))</h1>
            \(body)</article>
            <footer>\(Self.escape(footer))</footer>
            </body>
            </html>

            """
    }

    /// Text split into paragraphs at blank lines, each trimmed; empty ones dropped.
    static func paragraphs(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n")
            .components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    /// `&`, `<`, `>`, `"` and `'` as entities.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
