import Testing

@testable import SwitchyardHTTP

@Suite("Outbound URL schemes")
struct URLSchemeTests {
    @Test(
        "only http:// and https:// are accepted, in any case",
        arguments: [
            ("http://127.0.0.1:8090/v1beta/models", "http"),
            ("HTTPS://generativelanguage.googleapis.com/", "https"),
            ("HttP://x", "http"),
            ("ftp://x", nil),
            ("https:/x", nil),
            ("https:x", nil),
            ("httpss://x", nil),
            ("", nil),
            ("//x", nil),
        ] as [(String, String?)]
    )
    func scheme(_ url: String, _ expected: String?) {
        #expect(CurlTransfer.scheme(of: url) == expected)
    }
}
