import Foundation
import Logging
import Testing

@testable import SwitchyardServer

@Suite("Text log lines", .timeLimit(.minutes(1)))
struct TextLogHandlerTests {
    struct Failure: Error, CustomStringConvertible {
        var description: String { "upstream went away" }
    }

    /// Logs through a handler writing into a pipe and returns what came out of the pipe.
    private func lines(
        label: String = "switchyard",
        handlerMetadata: Logger.Metadata = [:],
        provider: Logger.MetadataProvider? = nil,
        _ body: (Logger) -> Void
    ) throws -> String {
        var descriptors: [Int32] = [0, 0]
        try #require(pipe(&descriptors) == 0)
        defer { close(descriptors[0]) }
        var handler = TextLogHandler(label: label, fileDescriptor: descriptors[1], metadataProvider: provider)
        handler.metadata = handlerMetadata
        let configured = handler
        body(Logger(label: label) { _ in configured })
        close(descriptors[1])
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(descriptors[0], &buffer, buffer.count)
            guard count > 0 else { break }
            bytes += buffer.prefix(count)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("a line has StreamLogHandler's layout: time, level, label, sorted metadata, source, message")
    func layout() throws {
        let before = time(nil)
        let output = try lines { logger in
            logger.info("access", metadata: ["request.id": "r-1", "http.status": "200", "latency_ms": "0.4"])
        }
        let after = time(nil)
        let stamps = Set([before, after].map { String(decoding: TextLogHandler.Timestamp.format($0), as: UTF8.self) })
        let stamp = try #require(stamps.first { output.hasPrefix($0) }, "\(output) starts with none of \(stamps)")
        #expect(stamp.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}/) != nil, "\(stamp)")
        #expect(
            output.dropFirst(stamp.count)
                == " info switchyard: http.status=200 latency_ms=0.4 request.id=r-1 [SwitchyardServerTests] access\n"
        )
    }

    @Test("later metadata wins (handler, then provider, then the call), and an error adds its message and type")
    func metadataPrecedence() throws {
        let provider = Logger.MetadataProvider { ["shared": "provider", "task": "t-7"] }
        let output = try lines(handlerMetadata: ["shared": "handler", "kept": "yes"], provider: provider) { logger in
            logger.log(level: .error, "failed", error: Failure(), metadata: ["shared": "call"])
        }
        #expect(
            output.hasSuffix(
                " error switchyard: error.message=upstream went away error.type=SwitchyardServerTests.TextLogHandlerTests.Failure"
                    + " kept=yes shared=call task=t-7 [SwitchyardServerTests] failed\n"
            ),
            "\(output)"
        )
    }

    @Test("a line without metadata or label keeps the separators; values that are not strings print their description")
    func emptyAndNonString() throws {
        let bare = try lines(label: "") { logger in logger.warning("plain") }
        #expect(bare.hasSuffix(" warning: [SwitchyardServerTests] plain\n"), "\(bare)")

        let list: Logger.Metadata.Value = .array(["a", .stringConvertible(3)])
        let nested: Logger.Metadata.Value = .dictionary(["k": "v"])
        let output = try lines { logger in logger.notice("values", metadata: ["list": list, "map": nested]) }
        #expect(output.hasSuffix(" notice switchyard: list=\(list.description) map=\(nested.description) [SwitchyardServerTests] values\n"))
    }

    @Test("each call writes one whole line, also from many threads at once")
    func wholeLines() async throws {
        let output = try lines { logger in
            DispatchQueue.concurrentPerform(iterations: 200) { index in
                logger.info("line \(index)", metadata: ["index": "\(index)", "padding": "\(String(repeating: "x", count: 100))"])
            }
        }
        let received = output.split(separator: "\n")
        #expect(received.count == 200)
        for line in received {
            let index = try #require(line.firstMatch(of: /\sindex=(\d+)\s/)?.1, "\(line)")
            #expect(line.hasSuffix("[SwitchyardServerTests] line \(index)"), "\(line)")
        }
    }
}
