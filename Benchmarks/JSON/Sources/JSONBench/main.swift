import Foundation
import SwitchyardCore

// Foundation's JSONDecoder/JSONEncoder against Switchyard's JSONReader + JSONValueDecoder and
// JSONValueEncoder + JSONWriter, on the same bodies, in one release-mode process.
//
// Each figure is the median, over rounds, of the mean time per operation within a round. Foundation and
// Switchyard alternate round by round, so a load spike on the machine hits both alike.

/// Keeps results alive so the optimiser cannot drop the work.
nonisolated(unsafe) var sink = 0

struct Case {
    let name: String
    let body: Data
    let operationsPerRound: Int
    let rounds: Int
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

/// Seconds per operation: median over rounds of (round time / operations), alternating the two contenders.
func measure(_ benchCase: Case, _ first: () throws -> Int, _ second: () throws -> Int) rethrows -> (Double, Double) {
    // Warm up both.
    for _ in 0..<max(1, benchCase.operationsPerRound / 10) {
        sink &+= try first()
        sink &+= try second()
    }
    var firstTimes: [Double] = []
    var secondTimes: [Double] = []
    let clock = ContinuousClock()
    func round(_ work: () throws -> Int) rethrows -> Double {
        let start = clock.now
        for _ in 0..<benchCase.operationsPerRound { sink &+= try work() }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return seconds / Double(benchCase.operationsPerRound)
    }
    for _ in 0..<benchCase.rounds {
        firstTimes.append(try round(first))
        secondTimes.append(try round(second))
    }
    return (median(firstTimes), median(secondTimes))
}

func format(_ seconds: Double) -> String {
    if seconds >= 1e-3 { return String(format: "%.2f ms", seconds * 1e3) }
    return String(format: "%.1f µs", seconds * 1e6)
}

let foundationEncoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]  // what jsonData() used before
    return encoder
}()

/// A value with every object's members sorted by key.
func sorted(_ value: JSONValue) -> JSONValue {
    switch value {
    case .array(let elements): .array(elements.map(sorted))
    case .object(let object): .object(JSONObject(object.members.sorted { $0.key < $1.key }.map { (key: $0.key, value: sorted($0.value)) }))
    default: value
    }
}

typealias Row = (body: String, operation: String, foundation: Double, switchyard: Double)

func run<Message: WireMessage>(_ benchCase: Case, _ type: Message.Type) throws -> [Row] {
    var rows: [Row] = []
    let body = benchCase.body
    let message = try Message.decode(json: body)
    // Sanity: both paths agree on the message (member order aside: Foundation's is hash order).
    let viaFoundation = try JSONDecoder().decode(Message.self, from: body)
    guard try sorted(JSONValueEncoder().encode(viaFoundation)) == sorted(JSONValueEncoder().encode(message)) else {
        fatalError("\(benchCase.name): Foundation and Switchyard decode different messages")
    }

    let decode = try measure(
        benchCase,
        { try JSONDecoder().decode(Message.self, from: body).unknownFields.members.count + 1 },
        { try Message.decode(json: body).unknownFields.members.count + 1 }
    )
    rows.append((benchCase.name, "decode (bytes → \(Message.self))", decode.0, decode.1))

    let encode = try measure(
        benchCase,
        { try foundationEncoder.encode(message).count },
        { try message.jsonData().count }
    )
    rows.append((benchCase.name, "encode (\(Message.self) → bytes)", encode.0, encode.1))

    let parse = try measure(
        benchCase,
        {
            let value = try JSONSerialization.jsonObject(with: body)
            return (value as? [String: Any])?.count ?? 0
        },
        { try JSONReader().read(body).objectValue?.members.count ?? 0 }
    )
    rows.append((benchCase.name, "parse only (JSONSerialization vs JSONReader)", parse.0, parse.1))

    let tree = try JSONReader().read(body)
    let foundationTree = try JSONSerialization.jsonObject(with: body)
    let write = try measure(
        benchCase,
        { try JSONSerialization.data(withJSONObject: foundationTree, options: [.withoutEscapingSlashes]).count },
        { try JSONWriter.data(tree).count }
    )
    rows.append((benchCase.name, "write only (JSONSerialization vs JSONWriter)", write.0, write.1))
    return rows
}

let filter = ProcessInfo.processInfo.environment["BENCH_CASE"]
let cases: [(Case, any WireMessage.Type)] = [
    (Case(name: "1 KB request", body: Payloads.smallRequest, operationsPerRound: 2000, rounds: 9), GenerateContentRequest.self),
    (Case(name: "20 KB response", body: Payloads.mediumResponse, operationsPerRound: 300, rounds: 9), GenerateContentResponse.self),
    (Case(name: "40 MB image request", body: Payloads.largeImageRequest, operationsPerRound: 1, rounds: 9), GenerateContentRequest.self),
]

// For `perf record`: BENCH_PROFILE=decode|encode|parse loops only Switchyard's side on the 1 KB request.
if let profile = ProcessInfo.processInfo.environment["BENCH_PROFILE"] {
    let message = try GenerateContentRequest.decode(json: Payloads.smallRequest)
    for _ in 0..<100_000 {
        switch profile {
        case "decode": sink &+= try GenerateContentRequest.decode(json: Payloads.smallRequest).unknownFields.members.count
        case "parse": sink &+= try JSONReader().read(Payloads.smallRequest).objectValue?.members.count ?? 0
        default: sink &+= try message.jsonData().count
        }
    }
    print(sink)
    exit(0)
}

print("json-bench: medians per operation, Foundation vs Switchyard (release build)")
var rows: [Row] = []
for (benchCase, type) in cases where filter == nil || benchCase.name.hasPrefix(filter ?? "") {
    print("  running \(benchCase.name) (\(benchCase.body.count) bytes)…")
    rows += try run(benchCase, type)
}

print("")
print("| body | operation | Foundation | Switchyard | Foundation / Switchyard |")
print("|---|---|---:|---:|---:|")
for (name, operation, foundation, ours) in rows {
    print("| \(name) | \(operation) | \(format(foundation)) | \(format(ours)) | \(String(format: "%.1f×", foundation / ours)) |")
}
print("")
print("(sink \(sink % 10))")
