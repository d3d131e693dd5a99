import ArgumentParser
import Foundation
import Logging
import Switchyard

/// `switchyard generate`: one request through the gateway, in-process; text to stdout, images to files.
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Send one prompt through the gateway (in-process, no server needed) and print or save the answer.",
        discussion: """
            Text is printed to stdout (as it arrives with --stream). Every returned image is written to --out as \
            image-<n>.<ext>, numbered on from the images already there, and its path printed. The last line names \
            the provider and model that answered and how many attempts it took. When the configuration enables the \
            emulator, it is started in-process first.

            Images are asked for (responseModalities TEXT+IMAGE) when the route's first target outputs images.

            EXAMPLES:
              switchyard generate --model chat "Write a haiku about trains"
              switchyard generate --model chat --stream "Tell me a long story"
              switchyard generate --model image "A lighthouse at dusk"
              switchyard generate --model image --image out/image-1.png "Make it purple"
              switchyard generate --model chat --json "Hello" | jq .trail
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("A route or catalog model (see `switchyard models`).", valueName: "route"))
    var model: String

    @Option(name: .customLong("image"), help: ArgumentHelp("An image to send with the prompt; repeatable (multi-turn editing).", valueName: "file"))
    var images: [String] = []

    @Option(name: .long, help: ArgumentHelp("Where returned images are written (default: ./out).", valueName: "dir"))
    var out: String?

    @Flag(name: .long, help: "Stream the answer, printing text as it arrives.")
    var stream = false

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Print the response JSON with the attempt trail instead of text.",
            discussion: "Prints {\"response\": ..., \"trail\": ..., \"warnings\": [...]}; with --stream one {\"response\": chunk} line "
                + "per chunk, then {\"trail\": ...}. Images stay in the JSON unless --out is given."
        )
    )
    var json = false

    @Argument(help: "The prompt.")
    var prompt: String

    func run() async throws {
        try await CommandRunner.run("generate", logLevel: global.logLevel) { () throws(CLIFailure) in
            let logger = CLILogging.logger("switchyard", level: global.logLevel)
            let inputs = try ImageFiles.inlineParts(paths: images)
            let context = try await CommandContext.open(global, logger: logger)
            let result: Result<Void, CLIFailure>
            do throws(CLIFailure) {
                try await generate(context: context, inputs: inputs)
                result = .success(())
            } catch {
                result = .failure(error)
            }
            await context.close()
            try result.get()
        }
    }

    private func generate(context: CommandContext, inputs: [Part]) async throws(CLIFailure) {
        var request = GenerateContentRequest()
        request.contents = [Content(role: .user, parts: inputs + [Part(text: prompt)])]
        if Self.outputsImages(context.gateway, model: model) {
            var generation = GenerationConfig()
            generation.responseModalities = [.text, .image]
            request.generationConfig = generation
        }
        // With --json, images are in the JSON; they are written only when --out is given.
        var writer = json && out == nil ? nil : ImageFiles.Writer(directory: out ?? "out")
        let progress = ProgressIndicator.start(stream ? "waiting for the first chunk" : "generating")
        if stream {
            let routed: RoutedStream
            do throws(RoutingError) {
                routed = try await context.gateway.streamGenerateContent(request, model: model)
            } catch {
                await progress.stop()
                throw TrailReport.failure(error, model: model, configFile: global.config)
            }
            await progress.stop()
            var printer = AnswerPrinter(json: json, streaming: stream)
            do {
                for try await chunk in routed.events {
                    try printer.print(chunk, writer: &writer)
                }
            } catch let failure as CLIFailure {
                throw failure
            } catch {
                printer.finish()
                throw CLIFailure("the stream failed after it started: \(error)", hint: "run again; a stream cannot fall back once it has begun")
            }
            printer.finish(trail: routed.trail, warnings: routed.warnings)
        } else {
            let reply: RoutedReply<GenerateContentResponse>
            do throws(RoutingError) {
                reply = try await context.gateway.generateContent(request, model: model)
            } catch {
                await progress.stop()
                throw TrailReport.failure(error, model: model, configFile: global.config)
            }
            await progress.stop()
            var printer = AnswerPrinter(json: json, streaming: stream)
            try printer.print(reply.value, writer: &writer)
            printer.finish(trail: reply.trail, warnings: reply.warnings)
        }
    }

    /// Whether the route's first target makes images, so the request should ask for them.
    static func outputsImages(_ gateway: Gateway, model: String) -> Bool {
        gateway.models().first { $0.id == model }?.capabilities?.outputModalities.contains(.image) ?? false
    }
}

/// Prints answers as text (images saved, paths printed) or as JSON lines.
struct AnswerPrinter {
    let json: Bool
    let streaming: Bool
    private var endsWithNewline = true
    private var printedAnything = false
    private var responseJSON: String?

    init(json: Bool, streaming: Bool) {
        self.json = json
        self.streaming = streaming
    }

    /// Prints one response (or stream chunk): its text parts, and the path of each image written.
    mutating func print(_ response: GenerateContentResponse, writer: inout ImageFiles.Writer?) throws(CLIFailure) {
        var paths: [String] = []
        for part in response.candidates?.first?.content?.parts ?? [] {
            guard let blob = part.inlineData, blob.data != nil, var current = writer else { continue }
            paths.append(try current.write(blob).path)
            writer = current
        }
        if json {
            let body = (try? response.jsonData()).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
            if streaming { Console.line("{\"response\":\(body)}") } else { responseJSON = body }
            for path in paths { Console.error("wrote \(path)") }
            return
        }
        for part in response.candidates?.first?.content?.parts ?? [] where part.thought != true {
            if let text = part.text, !text.isEmpty {
                Console.out(text)
                endsWithNewline = text.hasSuffix("\n")
                printedAnything = true
            } else if part.inlineData != nil, let path = paths.first {
                paths.removeFirst()
                if !endsWithNewline { Console.out("\n") }
                Console.line("wrote \(path)")
                endsWithNewline = true
                printedAnything = true
            }
        }
    }

    /// Ends the text output with a newline when it lacks one.
    mutating func finish() {
        if !json, !endsWithNewline { Console.out("\n") }
        endsWithNewline = true
    }

    /// Ends the output with the trail: a summary line (stderr when printing JSON, where the trail is in the JSON).
    mutating func finish(trail: AttemptTrail, warnings: [String]) {
        finish()
        if json {
            let trailText = TrailReport.text(TrailReport.json(trail))
            let warningsText = TrailReport.text(.array(warnings.map(JSONValue.string)))
            if let responseJSON {
                Console.line("{\"response\":\(responseJSON),\"trail\":\(trailText),\"warnings\":\(warningsText)}")
            } else {
                Console.line("{\"trail\":\(trailText),\"warnings\":\(warningsText)}")
            }
            return
        }
        for warning in warnings { Console.error("warning: \(warning)") }
        if !printedAnything { Console.line("(no text in the answer)") }
        Console.line(TrailReport.summary(trail))
    }
}
