import SwitchyardHTTP

/// A transport for tests whose code path must not touch the network: any call fails with `invalidRequest`.
struct NoNetworkTransport: HTTPTransport {
    func execute(_ request: HTTPRequest) async throws -> HTTPResponse {
        throw HTTPTransportError(code: .invalidRequest, message: "this test makes no network calls (\(request.method) \(request.url))")
    }
}
