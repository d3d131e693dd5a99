import Foundation
import SwitchyardCore

/// The HTTP control API under `/emulator/` (no auth; never recorded in the request log):
///
/// - `POST /emulator/faults` with `{"kind": "status", "status": 503, "match": {"surface": "vertex", "model": "...",
///   "method": "..."}, "count": 2}` (or `"fraction": 0.5`). Kinds and their fields: `rateLimited` (`retryDelay`), `dailyQuotaExhausted` (`retryDelay`),
///   `status` (`status`), `latency` (`milliseconds`), `dropConnection`, `malformedBody`, `streamErrorAfter` (`chunks`),
///   `streamPauseAfter` (`chunks`, `milliseconds`), `tokenError` (`error`, `status`).
/// - `DELETE /emulator/faults` clears all faults.
/// - `GET /emulator/requests` returns the request log; `GET /emulator/counters` the counters.
/// - `POST /emulator/reset` clears the log and counters.
struct ControlAPI: Sendable {
    let state: EmulatorState

    func handle(method: String, path: String, body: Data) async -> Reply {
        switch (method, path) {
        case ("POST", "/emulator/faults"):
            do {
                let fault = try Self.fault(from: EmulatorJSON.parse(body))
                await state.addFault(fault)
                return .json(.members([("accepted", true)]))
            } catch let error as GoogleError {
                return .error(error)
            } catch let error as EmulatorJSON.SyntaxError {
                return .error(.invalidArgument(error.message))
            } catch {
                return .error(.invalidArgument("\(error)"))
            }
        case ("DELETE", "/emulator/faults"):
            await state.clearFaults()
            return .json(.object([:]))
        case ("GET", "/emulator/requests"):
            let records = await state.requestLog()
            return .json(.members([("requests", .array(records.map(Self.json)))]))
        case ("GET", "/emulator/counters"):
            let counters = await state.counters
            return .json(
                .members([
                    ("tokenGrants", .integer(Int64(counters.tokenGrants))),
                    ("tokenRequests", .integer(Int64(counters.tokenRequests))),
                    ("metadataTokenRequests", .integer(Int64(counters.metadataTokenRequests))),
                    ("requests", .integer(Int64(counters.requests))),
                    ("aiStudioRequests", .integer(Int64(counters.aiStudioRequests))),
                    ("vertexRequests", .integer(Int64(counters.vertexRequests))),
                    ("modelCallsSucceeded", .integer(Int64(counters.modelCallsSucceeded))),
                    ("faultsFired", .integer(Int64(counters.faultsFired))),
                ])
            )
        case ("POST", "/emulator/reset"):
            await state.resetObservations()
            return .json(.object([:]))
        default:
            return .error(GoogleError(code: 404, status: "NOT_FOUND", message: "Unknown control path \(method) \(path)."))
        }
    }

    static func json(_ record: EmulatorRequestRecord) -> JSONValue {
        let bodyText = String(data: record.body, encoding: .utf8)
        return .members([
            ("method", .string(record.method)),
            ("path", .string(record.path)),
            ("query", .string(record.query)),
            ("headers", .array(record.headers.map { .members([("name", .string($0.name)), ("value", .string($0.value))]) })),
            ("body", .string(bodyText ?? record.body.base64EncodedString())),
            ("surface", .string(record.surface.rawValue)),
            ("status", .integer(Int64(record.status))),
        ])
    }

    static func fault(from value: JSONValue) throws(GoogleError) -> EmulatorFault {
        func need<T>(_ item: T?, _ name: String) throws(GoogleError) -> T {
            guard let item else { throw .invalidArgument("Fault field '\(name)' is missing or has the wrong type.") }
            return item
        }
        let kindName = try need(value.string("kind"), "kind")
        let kind: EmulatorFault.Kind
        switch kindName {
        case "rateLimited": kind = .rateLimited(retryDelay: value.string("retryDelay") ?? "1s")
        case "dailyQuotaExhausted": kind = .dailyQuotaExhausted(retryDelay: value.string("retryDelay") ?? "1s")
        case "status": kind = .status(try need(value.integer("status"), "status"))
        case "latency": kind = .latency(.milliseconds(try need(value.integer("milliseconds"), "milliseconds")))
        case "dropConnection": kind = .dropConnection
        case "malformedBody": kind = .malformedBody
        case "streamErrorAfter": kind = .streamErrorAfter(chunks: try need(value.integer("chunks"), "chunks"))
        case "streamPauseAfter":
            kind = .streamPauseAfter(
                chunks: try need(value.integer("chunks"), "chunks"),
                pause: .milliseconds(try need(value.integer("milliseconds"), "milliseconds"))
            )
        case "tokenError": kind = .tokenError(error: try need(value.string("error"), "error"), status: value.integer("status") ?? 400)
        default: throw .invalidArgument("Unknown fault kind '\(kindName)'.")
        }
        var match = EmulatorFault.Match()
        if let matchValue = value.field("match") {
            if let surfaceName = matchValue.string("surface") {
                match.surface = try need(EmulatorFault.Surface(rawValue: surfaceName), "match.surface")
            }
            match.model = matchValue.string("model")
            match.method = matchValue.string("method")
        }
        let fraction = value.number("fraction")
        if let fraction, !(0...1).contains(fraction) { throw .invalidArgument("Fault field 'fraction' must be in 0...1.") }
        return EmulatorFault(kind: kind, match: match, count: value.integer("count"), fraction: fraction)
    }
}
