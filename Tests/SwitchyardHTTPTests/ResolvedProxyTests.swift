import Testing

@testable import SwitchyardHTTP

@Suite("Proxy settings from the environment and configuration")
struct ResolvedProxyTests {
    @Test("Environment: scheme-specific variables, lower case first, ALL_PROXY as fallback, NO_PROXY kept")
    func environment() {
        let resolved = ResolvedProxy(
            .environment,
            environment: [
                "HTTPS_PROXY": "http://upper:1", "https_proxy": "http://lower:2", "ALL_PROXY": "http://all:3", "NO_PROXY": "localhost,.internal",
            ]
        )
        #expect(resolved.proxy(forURL: "https://generativelanguage.googleapis.com/") == "http://lower:2")
        #expect(resolved.proxy(forURL: "http://example.com/") == "http://all:3")
        #expect(resolved.noProxy == "localhost,.internal")
    }

    @Test("None ignores the environment; an explicit URL applies to both schemes")
    func explicit() {
        #expect(ResolvedProxy(.none, environment: ["https_proxy": "http://p:1"]).proxy(forURL: "https://x/") == nil)
        let explicit = ResolvedProxy(.url("http://proxy:3128", noProxy: "metadata.google.internal"), environment: [:])
        #expect(explicit.proxy(forURL: "HTTPS://x/") == "http://proxy:3128")
        #expect(explicit.proxy(forURL: "http://x/") == "http://proxy:3128")
        #expect(explicit.noProxy == "metadata.google.internal")
    }
}
