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

    /// `GET /readyz`: the configuration is loaded and at least one target is usable (not every target is cooling
    /// down). 503 with the reason otherwise.
    func readiness() async -> Response {
        let targets = Self.allTargets(gateway)
        let coolingDown = await Self.coolingDownKeys(gateway)
        guard !targets.isEmpty else {
            return plain(.serviceUnavailable, "{\"status\":\"unavailable\",\"reason\":\"no targets configured\"}", contentType: "application/json")
        }
        let usable = targets.filter { !coolingDown.contains($0.provider + "/" + $0.model) }.count
        guard usable > 0 else {
            return plain(
                .serviceUnavailable,
                "{\"status\":\"unavailable\",\"reason\":\"every target is cooling down\",\"targets\":\(targets.count)}",
                contentType: "application/json"
            )
        }
        return plain(.ok, "{\"status\":\"ready\",\"targets\":\(targets.count),\"usable\":\(usable)}", contentType: "application/json")
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

    /// Every (provider, model) a route or catalog model can reach, without duplicates.
    static func allTargets(_ gateway: Gateway) -> [(provider: String, model: String)] {
        var seen: Set<String> = []
        var targets: [(provider: String, model: String)] = []
        for model in gateway.models() {
            for target in model.targets where seen.insert(target.provider + "/" + target.model).inserted {
                targets.append((target.provider, target.model))
            }
        }
        return targets
    }

    static func coolingDownKeys(_ gateway: Gateway) async -> Set<String> {
        Set(await gateway.cooldowns.filter { $0.phase == .open }.map { $0.provider + "/" + $0.model })
    }
}
