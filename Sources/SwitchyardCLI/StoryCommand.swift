import ArgumentParser
import Foundation
import Logging
import Switchyard

/// `switchyard story`: an illustrated story (an image per scene) written as an HTML page.
struct StoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "story",
        abstract: "Write an illustrated story: text and one image per scene, interleaved on an HTML page.",
        discussion: """
            Asks the route for text and images (responseModalities TEXT+IMAGE) in --scenes scenes, then writes \
            <out>/story.html with the text and the images in the order the model returned them; the images are \
            files beside the page (image-<n>.png). Prints the page's path and who answered. When the configuration \
            enables the emulator, it is started in-process first.

            EXAMPLES:
              switchyard story --model image --out story "A fox who learns to sail"
              switchyard story --model image --out /tmp/moon --scenes 3 "A trip to the moon"
              xdg-open story/story.html
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("A route or model that outputs text and images.", valueName: "route"))
    var model: String

    @Option(name: .long, help: ArgumentHelp("The directory for story.html and its images.", valueName: "dir"))
    var out: String

    @Option(name: .long, help: "How many scenes (each with an illustration) to ask for.")
    var scenes = 4

    @Argument(help: "What the story is about.")
    var prompt: String

    func validate() throws {
        guard (1...12).contains(scenes) else { throw ValidationError("--scenes must be between 1 and 12") }
    }

    func run() async throws {
        try await CommandRunner.run("story", logLevel: global.logLevel) { () throws(CLIFailure) in
            let logger = CLILogging.logger("switchyard", level: global.logLevel)
            var writer = ImageFiles.Writer(directory: out)
            try writer.createDirectory()
            let context = try await CommandContext.open(global, logger: logger)
            let result: Result<RoutedReply<GenerateContentResponse>, CLIFailure>
            let progress = ProgressIndicator.start("writing the story")
            do throws(RoutingError) {
                result = .success(try await context.gateway.generateContent(Self.request(prompt: prompt, scenes: scenes), model: model))
            } catch {
                result = .failure(TrailReport.failure(error, model: model, configFile: global.config))
            }
            await progress.stop()
            await context.close()
            let reply = try result.get()

            var blocks: [StoryPage.Block] = []
            for part in reply.value.candidates?.first?.content?.parts ?? [] where part.thought != true {
                if let text = part.text, !text.isEmpty {
                    blocks.append(.text(text))
                } else if let blob = part.inlineData, blob.data != nil {
                    blocks.append(.image(fileName: try writer.write(blob).lastPathComponent))
                }
            }
            let imageCount = blocks.filter { if case .image = $0 { true } else { false } }.count
            guard !blocks.isEmpty else {
                throw CLIFailure("the answer had no text and no images", hint: "try another route, or run with --verbose")
            }
            let page = StoryPage(title: prompt, blocks: blocks, footer: TrailReport.summary(reply.trail))
            let url = writer.directory.appendingPathComponent("story.html")
            do {
                try Data(page.html.utf8).write(to: url, options: .atomic)
            } catch {
                throw CLIFailure("cannot write \(url.path): \(error.localizedDescription)", hint: "pass a writable --out")
            }
            for warning in reply.warnings { Console.error("warning: \(warning)") }
            Console.line("wrote \(url.path) (\(imageCount) image\(imageCount == 1 ? "" : "s"))")
            Console.line(TrailReport.summary(reply.trail))
        }
    }

    /// The story request: the prompt with the scene count, asking for text and images.
    static func request(prompt: String, scenes: Int) -> GenerateContentRequest {
        var request = GenerateContentRequest()
        let text = """
            Write a short illustrated story in \(scenes) scene\(scenes == 1 ? "" : "s") about: \(prompt)
            For each scene, write one paragraph and then generate one illustration of that scene.
            """
        request.contents = [Content(role: .user, parts: [Part(text: text)])]
        var generation = GenerationConfig()
        generation.responseModalities = [.text, .image]
        request.generationConfig = generation
        return request
    }
}
