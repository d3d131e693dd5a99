import Testing

@testable import SwitchyardHTTP

@Suite("HTTP headers: names compare ignoring ASCII case only")
struct HTTPHeadersTests {
    @Test(
        "name comparison",
        arguments: [
            ("Content-Length", "content-length", true),
            ("X-GOOG-API-KEY", "x-goog-api-key", true),
            ("content-length", "content-lengths", false),
            ("", "", true),
            ("a", "", false),
            ("[", "{", false),  // 0x5B and 0x7B differ by 0x20 but are not letters
            ("@", "`", false),
            ("é", "É", false),  // not ASCII: compared as bytes
        ]
    )
    func names(_ lhs: String, _ rhs: String, _ same: Bool) {
        #expect(HTTPHeaders.namesMatch(lhs, rhs) == same)
        #expect(HTTPHeaders.namesMatch(rhs, lhs) == same)
    }

    @Test("lookups, replacement and removal find every spelling of a name")
    func lookups() {
        var headers: HTTPHeaders = ["Content-Type": "application/json", "x-goog-api-key": "k", "X-Goog-Api-Key": "k2"]
        #expect(headers["content-type"] == "application/json")
        #expect(headers.values(for: "X-GOOG-API-KEY") == ["k", "k2"])
        headers.replaceOrAdd(name: "x-goog-api-key", value: "k3")
        #expect(headers.values(for: "x-goog-api-key") == ["k3"])
        headers.remove(name: "CONTENT-TYPE")
        #expect(headers["content-type"] == nil)
        #expect(headers.fields.count == 1)
    }
}
