import Foundation
import SwitchyardHTTP

/// The emulator's HTTP control API (`/emulator/...`), over the libcurl transport.
struct EmulatorControl {
    let baseURL: String
    private let transport = CurlTransport()

    init(baseURL: String) {
        self.baseURL = baseURL
    }

    /// Adds a fault, e.g. `["kind": "status", "status": 503, "match": ["surface": "aiStudio"], "count": 10]`.
    func injectFault(_ fault: [String: Any]) async throws {
        _ = try await call(.post, "/emulator/faults", body: try JSONSerialization.data(withJSONObject: fault))
    }

    /// Clears the request log and counters.
    func reset() async throws {
        _ = try await call(.post, "/emulator/reset")
    }

    /// The request log, oldest first: `method`, `path`, `query`, `headers`, `body` (text), `surface`, `status`.
    func requests() async throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: try await call(.get, "/emulator/requests")) as? [String: Any]
        return object?["requests"] as? [[String: Any]] ?? []
    }

    /// The counters (`tokenGrants`, `requests`, `aiStudioRequests`, ...).
    func counters() async throws -> [String: Int] {
        let object = try JSONSerialization.jsonObject(with: try await call(.get, "/emulator/counters")) as? [String: Any]
        return (object ?? [:]).compactMapValues { $0 as? Int }
    }

    func shutdown() async {
        await transport.shutdown()
    }

    private func call(_ method: HTTPMethod, _ path: String, body: Data? = nil) async throws -> Data {
        var headers: HTTPHeaders = [:]
        if body != nil { headers.add(name: "content-type", value: "application/json") }
        let request = HTTPRequest(method: method, url: baseURL + path, headers: headers, body: body, timeouts: HTTPTimeouts(total: .seconds(30)))
        let response = try await transport.execute(request)
        let data = try await response.body.collect(upTo: 64 << 20)
        guard response.status == 200 else { throw ControlError(status: response.status, body: String(decoding: data, as: UTF8.self)) }
        return data
    }

    struct ControlError: Error, CustomStringConvertible {
        var status: Int
        var body: String
        var description: String { "control API answered \(status): \(body)" }
    }
}
