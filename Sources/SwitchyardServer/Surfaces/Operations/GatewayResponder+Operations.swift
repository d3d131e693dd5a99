import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Prometheus
import Switchyard

extension GatewayResponder {
    /// `GET /healthz`: the process is alive.
    func health() -> Response {
        plain(.ok, "{\"status\":\"ok\"}", contentType: "application/json")
    }

    /// `GET /readyz`: the configuration is loaded and at least one provider is reachable or not yet tried, i.e. has
    /// no health record or some target that is not cooling down. 503 with the providers' state otherwise.
    func readiness() async -> Response {
        let providers = gateway.configuration.providers.keys.sorted()
        let states = await gateway.cooldowns
        var usable: [String] = []
        for provider in providers {
            let records = states.filter { $0.provider == provider }
            if records.isEmpty || records.contains(where: { $0.phase != .open }) { usable.append(provider) }
        }
        let body = ReadinessBody(
            status: usable.isEmpty ? "unavailable" : "ready",
            providers: providers.count,
            usable: usable,
            coolingDown: states.filter { $0.phase == .open }.map { "\($0.provider)/\($0.model)" }.sorted()
        )
        let text = (try? ServerJSON.encode(body)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return plain(usable.isEmpty ? .serviceUnavailable : .ok, text, contentType: "application/json")
    }

    /// `GET /metrics`: the Prometheus text exposition of the server's registry.
    func metricsText() async -> Response {
        metrics.updateCooldowns(await gateway.cooldowns)
        return Response(
            status: .ok,
            headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.registry.emitToBuffer()))
        )
    }

    private func plain(_ status: HTTPResponse.Status, _ text: String, contentType: String) -> Response {
        Response(status: status, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

/// The `/readyz` answer.
struct ReadinessBody: Encodable {
    var status: String
    var providers: Int
    var usable: [String]
    var coolingDown: [String]
}
