import Foundation
import Testing

@testable import SwitchyardCLI

@Suite("Story page and image files")
struct StoryPageTests {
    @Test("text is escaped and split into paragraphs; images keep their order")
    func html() {
        let page = StoryPage(
            title: "Tom & \"Jerry\"",
            blocks: [.text("First <p>\n\nSecond"), .image(fileName: "image-1.png"), .text("It's done"), .image(fileName: "image 2.png")],
            footer: "answered by a/b"
        )
        let html = page.html
        #expect(html.contains("<title>Tom &amp; &quot;Jerry&quot;</title>"))
        #expect(html.contains("<p>First &lt;p&gt;</p>\n    <p>Second</p>"))
        #expect(html.contains("<p>It&#39;s done</p>"))
        let first = html.range(of: "image-1.png")?.lowerBound
        let second = html.range(of: "image%202.png")?.lowerBound
        #expect(first != nil && second != nil)
        if let first, let second { #expect(first < second) }
    }

    @Test("image types come from the bytes, else the extension")
    func mimeTypes() {
        #expect(ImageFiles.mimeType(of: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]), path: "x.bin") == "image/png")
        #expect(ImageFiles.mimeType(of: Data([0xFF, 0xD8, 0xFF, 0xE0]), path: "x") == "image/jpeg")
        #expect(ImageFiles.mimeType(of: Data("RIFF0000WEBPVP8 ".utf8), path: "x") == "image/webp")
        #expect(ImageFiles.mimeType(of: Data("hello".utf8), path: "x.txt") == nil)
        #expect(ImageFiles.fileExtension(forMimeType: "image/jpeg") == "jpg")
        #expect(ImageFiles.fileExtension(forMimeType: "application/x-what") == "bin")
    }
}
