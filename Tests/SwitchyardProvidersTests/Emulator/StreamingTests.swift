import Foundation
import GoogleEmulator
import SwitchyardConfig
import SwitchyardCore
import SwitchyardProviders
import Testing

@Suite("Streaming on both providers", .timeLimit(.minutes(1)))
struct StreamingTests {
    @Test("streamed text arrives in several chunks that add up to the unary answer", arguments: Backend.allCases)
    func text(backend: Backend) async throws {
        try await ProviderHarness.run(backend) { harness in
            let request = Requests.text("Write one sentence about trains crossing a long switchyard at dawn")
            let unary = try await harness.provider.generateContent(request, model: "gemini-2.5-flash", context: testContext)
            let reply = try await harness.provider.streamGenerateContent(request, model: "gemini-2.5-flash", context: testContext)
            var chunks: [GenerateContentResponse] = []
            for try await chunk in reply.value { chunks.append(chunk) }
            #expect(chunks.count > 1)
            #expect(chunks.map(\.firstText).joined() == unary.value.firstText)
            #expect(chunks.last?.candidates?.first?.finishReason == .stop)
            #expect(chunks.dropLast().allSatisfy { $0.candidates?.first?.finishReason == nil })
            let record = try #require(await harness.modelRequests().last)
            #expect(record.path.hasSuffix(":streamGenerateContent"))
            #expect(record.query == "alt=sse")
        }
    }

    @Test("streamed images arrive as their own chunks, interleaved with text", arguments: Backend.allCases)
    func images(backend: Backend) async throws {
        try await ProviderHarness.run(backend) { harness in
            let request = Requests.text("A comic in two panels about a robot gardener", modalities: [.text, .image])
            let reply = try await harness.provider.streamGenerateContent(request, model: "gemini-2.5-flash-image", context: testContext)
            var kinds: [String] = []
            var images: [Data] = []
            for try await chunk in reply.value {
                for part in chunk.firstParts {
                    if let data = part.inlineData?.data?.bytes() {
                        kinds.append("image")
                        images.append(data)
                    } else if part.text != nil, kinds.last != "text" {
                        kinds.append("text")
                    }
                }
            }
            #expect(kinds == ["text", "image", "text", "image"])
            #expect(images.allSatisfy { PNGInfo($0) != nil })
        }
    }

    @Test("chunks are delivered as they arrive, before the stream ends", arguments: Backend.allCases)
    func incremental(backend: Backend) async throws {
        try await ProviderHarness.run(backend) { harness in
            // The stream stops after one chunk with an error event: the first chunk must already be in hand then.
            await harness.inject(.streamErrorAfter(chunks: 1))
            let request = Requests.text("Stream three words please now")
            let reply = try await harness.provider.streamGenerateContent(request, model: "gemini-2.5-flash", context: testContext)
            var iterator = reply.value.makeAsyncIterator()
            let first = try await iterator.next()
            #expect(first?.firstText.isEmpty == false)
            do {
                _ = try await iterator.next()
                Issue.record("the error event must throw")
            } catch {
                let failure = try #require(error.switchyard)
                #expect(failure.httpStatus == 500)
                #expect(failure.googleStatus == "INTERNAL")
                #expect(failure.isRetryable)
                #expect(failure.message.contains("after it started"))
            }
            #expect(try await iterator.next() == nil, "a failed stream stays ended")
        }
    }
}
