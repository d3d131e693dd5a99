import Testing

@testable import SwitchyardHTTP

@Suite("Parsing a received response head")
struct ReceivedHeadTests {
    @Test("Fields keep their order and duplicates; values are trimmed; folded lines continue the previous value")
    func fields() {
        let raw = "Content-Type:  application/json \r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\nX-Folded: one\r\n  two\r\nX-Empty:\r\n"
        let head = ReceivedHead(status: 200, headerBytes: Array(raw.utf8))
        let headers = head.headers
        #expect(headers.fields.map(\.name) == ["Content-Type", "Set-Cookie", "set-cookie", "X-Folded", "X-Empty"])
        #expect(headers["content-type"] == "application/json")
        #expect(headers.values(for: "SET-COOKIE") == ["a=1", "b=2"])
        #expect(headers["x-folded"] == "one two")
        #expect(headers["x-empty"] == "")
    }

    @Test("Content-Length is read when present and valid")
    func contentLength() {
        let head = ReceivedHead(status: 200, headerBytes: Array("content-length: 42\r\n".utf8))
        #expect(head.contentLength(in: head.headers) == 42)
        let none = ReceivedHead(status: 200, headerBytes: Array("content-length: many\r\n".utf8))
        #expect(none.contentLength(in: none.headers) == nil)
    }

    @Test("Status codes come from HTTP/1.1 and HTTP/2 status lines", arguments: [("HTTP/1.1 200 OK", 200), ("HTTP/2 404", 404), ("HTTP/1.1 20", 0)])
    func status(line: String, expected: Int) {
        let bytes = Array(line.utf8)
        let code = bytes.withUnsafeBytes { CurlTransfer.statusCode(in: $0) }
        #expect(code == expected)
    }

    @Test(
        "The protocol version comes from the status line",
        arguments: [
            ("HTTP/1.1 200 OK", HTTPVersion.http1_1), ("HTTP/1.0 200 ok", .http1_0), ("HTTP/2 200", .http2),
            ("HTTP/3 200", .http3), ("HTTP/x 200", nil),
        ] as [(String, HTTPVersion?)]
    )
    func version(line: String, expected: HTTPVersion?) {
        let bytes = Array(line.utf8)
        let version = bytes.withUnsafeBytes { CurlTransfer.version(in: $0) }
        #expect(version == expected)
        #expect(version.map(String.init(describing:)) == expected.map { _ in String(line.prefix { $0 != " " }) })
    }
}
