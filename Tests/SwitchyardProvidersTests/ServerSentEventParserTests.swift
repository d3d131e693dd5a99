import Foundation
import SwitchyardHTTP
import Testing

@testable import SwitchyardProviders

@Suite("Server-sent event parsing")
struct ServerSentEventParserTests {
    private func events(_ chunks: [String]) throws -> [String] {
        var parser = ServerSentEventParser()
        var events: [Data] = []
        for chunk in chunks { events += try parser.feed(Array(chunk.utf8)) }
        events += try parser.finish()
        return events.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("LF, CRLF and CR line ends all end events", arguments: ["\n", "\r\n", "\r"])
    func lineEnds(ending: String) throws {
        let stream = "data: {\"a\":1}\(ending)\(ending)data: {\"b\":2}\(ending)\(ending)"
        #expect(try events([stream]) == ["{\"a\":1}", "{\"b\":2}"])
    }

    @Test("a CRLF split across two chunks is one line end")
    func splitCRLF() throws {
        #expect(try events(["data: {\"a\":1}\r", "\n\r", "\ndata: 2\r\n\r\n"]) == ["{\"a\":1}", "2"])
    }

    @Test("events split at any byte come out whole")
    func everySplit() throws {
        let stream = "data: {\"text\":\"héllo\"}\r\n\r\ndata: {\"n\":2}\n\n"
        let bytes = Array(stream.utf8)
        for split in 1..<bytes.count {
            var parser = ServerSentEventParser()
            var out = try parser.feed(bytes[..<split])
            out += try parser.feed(bytes[split...])
            out += try parser.finish()
            #expect(out.map { String(decoding: $0, as: UTF8.self) } == ["{\"text\":\"héllo\"}", "{\"n\":2}"], "split at \(split)")
        }
    }

    @Test("several data lines are joined with a newline; comments and other fields are ignored")
    func multiLine() throws {
        let stream = ": keep-alive\nevent: message\nid: 7\ndata: {\"a\":\ndata: 1}\nretry: 10\n\n"
        #expect(try events([stream]) == ["{\"a\":\n1}"])
    }

    @Test("data: without a space is read too")
    func dataWithoutSpace() throws {
        #expect(try events(["data:{\"a\":1}\n\n"]) == ["{\"a\":1}"])
    }

    @Test("a pretty-printed error body after earlier events is one event")
    func rawErrorMidStream() throws {
        let stream = "data: {\"a\":1}\n\n{\n  \"error\": {\n    \"code\": 503,\n    \"message\": \"a } in a string\"\n  }\n}\n"
        let out = try events([stream])
        #expect(out.count == 2)
        #expect(out[0] == "{\"a\":1}")
        let error = try JSONSerialization.jsonObject(with: Data(out[1].utf8)) as? [String: Any]
        #expect((error?["error"] as? [String: Any])?["code"] as? Int == 503)
    }

    @Test("a last event without a blank line is still delivered")
    func unterminatedLastEvent() throws {
        #expect(try events(["data: {\"a\":1}\n\ndata: {\"b\":2}"]) == ["{\"a\":1}", "{\"b\":2}"])
    }

    @Test("an event over the size limit is refused")
    func oversized() throws {
        var parser = ServerSentEventParser(maxEventBytes: 16)
        #expect(throws: ServerSentEventError.self) {
            _ = try parser.feed(Array("data: 0123456789abcdefghij\n\n".utf8))
        }
    }

    @Test("the async sequence reads events from a response body")
    func asyncSequence() async throws {
        let body = HTTPResponseBody.bytes(Data("data: 1\n\ndata: 2\n\n".utf8))
        var received: [String] = []
        for try await event in ServerSentEvents(body) {
            received.append(String(decoding: event, as: UTF8.self))
        }
        #expect(received == ["1", "2"])
    }
}
