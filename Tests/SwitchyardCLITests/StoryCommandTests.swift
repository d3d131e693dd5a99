import Foundation
import Testing

@Suite("switchyard story", .timeLimit(.minutes(1)))
struct StoryCommandTests {
    @Test("writes story.html with the text and one image per scene, interleaved in order")
    func writesPage() async throws {
        try await withEmulatorFixture { fixture in
            let config = try fixture.writeConfig()
            let out = fixture.outputDirectory("story")
            let run = try await CLIProcess.run([
                "story", "--config", config, "--model", "image", "--out", out.path, "--scenes", "3", "A fox & <the> sea",
            ])
            #expect(run.status == 0, "\(run)")
            let page = out.appendingPathComponent("story.html")
            #expect(run.stdout.contains("wrote \(page.path) (3 images)"), "\(run)")
            #expect(run.stdout.contains("answered by studio/"), "\(run)")
            let html = try String(contentsOf: page, encoding: .utf8)

            // Every image is referenced by a relative path, in order, and exists as a PNG beside the page.
            let sources = html.components(separatedBy: "<img src=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            #expect(sources == ["image-1.png", "image-2.png", "image-3.png"])
            for source in sources {
                #expect(PNGCheck.dimensions(try Data(contentsOf: out.appendingPathComponent(source))) != nil, "\(source)")
            }
            // Text and images alternate: each scene's text comes before its image.
            for scene in 1...3 {
                let text = try #require(html.range(of: "Scene \(scene) of 3"))
                let image = try #require(html.range(of: "image-\(scene).png"))
                #expect(text.lowerBound < image.lowerBound)
                if scene < 3 {
                    let nextText = try #require(html.range(of: "Scene \(scene + 1) of 3"))
                    #expect(image.lowerBound < nextText.lowerBound)
                }
            }
            // The prompt (model and user text) is escaped.
            #expect(html.contains("<title>A fox &amp; &lt;the&gt; sea</title>"))
            #expect(!html.contains("<the>"))
        }
    }

    @Test("a route that cannot make images fails with a hint")
    func textOnlyRoute() async throws {
        try await withEmulatorFixture { fixture in
            let config = try fixture.writeConfig()
            let run = try await CLIProcess.run(["story", "--config", config, "--model", "chat", "--out", fixture.outputDirectory("s").path, "A fox"])
            #expect(run.status == 1, "\(run)")
            #expect(run.stderr.contains("switchyard story: error:"), "\(run)")
            #expect(run.stderr.contains("hint:"), "\(run)")
        }
    }
}
