import Foundation
import Logging
import Switchyard

// gateway-bench: the gateway's overhead, measured against the emulator it fronts, in one run.
// Run it through Benchmarks/run-gateway (which builds the release binaries first).

let environment = ProcessInfo.processInfo.environment
let rounds = max(1, Int(environment["BENCH_ROUNDS"] ?? "") ?? 3)
/// `BENCH_ONLY=latency,throughput,stream,images,credentials,startup` narrows a run (for profiling).
let only = Set((environment["BENCH_ONLY"] ?? "").split(separator: ",").map(String.init))
func runs(_ phase: String) -> Bool { only.isEmpty || only.contains(phase) }
let openLoopRate = Int(environment["BENCH_RATE"] ?? "") ?? 1000
let imagesInFlight = Int(environment["BENCH_IMAGES"] ?? "") ?? 50
let imageSide = Int(environment["BENCH_IMAGE_SIDE"] ?? "") ?? 1182  // 1182² RGB ≈ 4 MiB of PNG
let gatewayLogLevel = environment["BENCH_GATEWAY_LOG_LEVEL"] ?? "info"

guard let switchyard = CommandLine.arguments.dropFirst().first ?? environment["SWITCHYARD_BIN"] else {
    print("usage: gateway-bench <path to the release switchyard binary>")
    exit(2)
}
let work = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("gateway-bench-\(getpid())")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)

let transport = CurlTransport(
    configuration: CurlTransport.Configuration(totalTimeout: .seconds(60), maxConnectionsPerHost: 128, proxy: .none)
)
let loader = Loader(transport: transport)
let clock = ContinuousClock()
var rows: [Row] = []
var notes: [String] = []
var failures: [String: Int] = [:]
@MainActor func count(_ label: String, _ sample: Sample) {
    failures[label, default: 0] += sample.failures
    if let first = sample.firstFailure { notes.append("\(label): \(sample.failures) failed, first: \(first.prefix(300))") }
}
func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
}
let loadAtStart = loadAverage()

// MARK: Processes

let emulatorPort = try freePort()
let emulatorURL = "http://127.0.0.1:\(emulatorPort)"
let serviceAccountFile = work.appendingPathComponent("service-account.json").path
func emulatorArguments(port: Int, serviceAccount: String?) -> [String] {
    var arguments = [
        "emulator", "--host", "127.0.0.1", "--port", "\(port)", "--api-key", GatewayConfig.apiKey, "--project", GatewayConfig.project,
        "--token-lifetime", "3600",
    ]
    if let serviceAccount { arguments += ["--write-service-account", serviceAccount] }
    return arguments
}
let emulator = try ChildProcess(
    name: "emulator",
    executable: switchyard,
    arguments: emulatorArguments(port: emulatorPort, serviceAccount: serviceAccountFile),
    logFile: work.appendingPathComponent("emulator.log")
)
var emulatorStartups = [try await waitUntilOK("\(emulatorURL)/emulator/counters", transport: transport, since: emulator.startedAt).micros]
let accountDeadline = clock.now + .seconds(30)
while !FileManager.default.fileExists(atPath: serviceAccountFile), clock.now < accountDeadline {
    try await Task.sleep(for: .milliseconds(5))
}

let gatewayPort = try freePort()
let gatewayURL = "http://127.0.0.1:\(gatewayPort)"
let configFile = work.appendingPathComponent("switchyard.yaml")
try GatewayConfig.yaml(
    gatewayPort: gatewayPort,
    emulatorURL: emulatorURL,
    serviceAccountFile: serviceAccountFile,
    catalogDirectory: try findCatalogDirectory()
)
.write(to: configFile, atomically: true, encoding: .utf8)
func gatewayArguments(port: Int) -> [String] {
    ["serve", "--config", configFile.path, "--port", "\(port)", "--log-level", gatewayLogLevel]
}
let gateway = try ChildProcess(
    name: "gateway",
    executable: switchyard,
    arguments: gatewayArguments(port: gatewayPort),
    logFile: work.appendingPathComponent("gateway.log")
)
var gatewayStartups: [Double] = []
do {
    gatewayStartups = [try await waitUntilOK("\(gatewayURL)/readyz", transport: transport, since: gateway.startedAt).micros]
} catch {
    print("the gateway did not become ready: \(error)\n--- gateway log (\(work.path)/gateway.log):")
    print((try? String(contentsOf: work.appendingPathComponent("gateway.log"), encoding: .utf8).suffix(3000)).map(String.init) ?? "")
    await gateway.stop()
    await emulator.stop()
    exit(1)
}

// References measured in the same rounds: the floor (the gateway's own server and HTTP stack forwarding the bytes,
// none of its work), which splits what the gateway adds into stack and Switchyard, and nginx, a lean proxy in C.
var references: [Reference] = []
for start in [References.floor, References.nginx] {
    let started = try await start(emulatorURL, GatewayConfig.apiKey, work, transport)
    if let reference = started.reference { references.append(reference) }
    if let note = started.note { notes.append(note) }
}

print("gateway-bench: emulator pid \(emulator.pid) on \(emulatorURL), gateway pid \(gateway.pid) on \(gatewayURL)")
print("\(ProcessInfo.processInfo.activeProcessorCount) cores, load average at start \(loadAtStart); \(rounds) rounds, direct and gateway alternating")

// MARK: Targets

let studioHeaders: HTTPHeaders = ["x-goog-api-key": GatewayConfig.apiKey]
let direct = Target(
    label: "direct",
    url: "\(emulatorURL)/v1beta/models/gemini-2.5-flash:generateContent",
    headers: studioHeaders,
    body: Payloads.text
)
let through = Target(label: "gateway", url: "\(gatewayURL)/v1beta/models/bench:generateContent", headers: [:], body: Payloads.text)

// Warm-up: connections on both hops, the gateway's first-request paths.
count("warm-up direct", await loader.closedLoop(direct, concurrency: 4, count: 400, timeLimit: .seconds(10)))
count("warm-up gateway", await loader.closedLoop(through, concurrency: 4, count: 400, timeLimit: .seconds(10)))
for reference in references {
    count("warm-up \(reference.target.label)", await loader.closedLoop(reference.target, concurrency: 4, count: 400, timeLimit: .seconds(10)))
}

// MARK: Latency and throughput

if runs("latency") {
    var c1 = (direct: [Sample](), gateway: [Sample]())
    var c64 = (direct: [Sample](), gateway: [Sample]())
    var open = (direct: [Sample](), gateway: [Sample]())
    var referenceC1: [[Sample]] = references.map { _ in [] }
    var referenceC64: [[Sample]] = references.map { _ in [] }
    for _ in 0..<rounds {
        for (index, target) in [direct, through].enumerated() {
            let sample = await loader.closedLoop(target, concurrency: 1, count: 2000, timeLimit: .seconds(4))
            count("c=1 \(target.label)", sample)
            if index == 0 { c1.direct.append(sample) } else { c1.gateway.append(sample) }
        }
        for (index, reference) in references.enumerated() {
            let sample = await loader.closedLoop(reference.target, concurrency: 1, count: 2000, timeLimit: .seconds(4))
            count("c=1 \(reference.target.label)", sample)
            referenceC1[index].append(sample)
        }
        for (index, target) in [direct, through].enumerated() {
            let sample = await loader.closedLoop(target, concurrency: 64, count: 6400, timeLimit: .seconds(4))
            count("c=64 \(target.label)", sample)
            if index == 0 { c64.direct.append(sample) } else { c64.gateway.append(sample) }
        }
        for (index, reference) in references.enumerated() {
            let sample = await loader.closedLoop(reference.target, concurrency: 64, count: 6400, timeLimit: .seconds(4))
            count("c=64 \(reference.target.label)", sample)
            referenceC64[index].append(sample)
        }
        for (index, target) in [direct, through].enumerated() {
            let sample = await loader.openLoop(target, rate: openLoopRate, count: openLoopRate * 3, timeLimit: .seconds(3))
            count("open \(target.label)", sample)
            if index == 0 { open.direct.append(sample) } else { open.gateway.append(sample) }
        }
    }
    func latencyRows(_ name: String, _ pair: (direct: [Sample], gateway: [Sample]), p50Target: Double?, p99Target: Double?) -> [Row] {
        var p50 = Row(
            figure: "\(name) p50",
            baseline: pair.direct.map { $0.p50.micros },
            gateway: pair.gateway.map { $0.p50.micros },
            unit: "µs",
            showAdded: true
        )
        var p99 = Row(
            figure: "\(name) p99",
            baseline: pair.direct.map { $0.p99.micros },
            gateway: pair.gateway.map { $0.p99.micros },
            unit: "µs",
            showAdded: true
        )
        if let p50Target {
            p50.target = "added ≤ \(Int(p50Target)) µs"
            p50.met = Row.median(p50.added) <= p50Target
        }
        if let p99Target {
            p99.target = "added ≤ \(Int(p99Target)) µs"
            p99.met = Row.median(p99.added) <= p99Target
        }
        return [p50, p99]
    }
    rows += latencyRows("latency c=1", c1, p50Target: 100, p99Target: 1000)
    for (index, reference) in references.enumerated() {
        rows += latencyRows("\(reference.name) latency c=1", (c1.direct, referenceC1[index]), p50Target: nil, p99Target: nil)
    }
    rows += latencyRows("latency c=64", c64, p50Target: nil, p99Target: nil)
    rows += latencyRows("latency open loop \(openLoopRate) req/s", open, p50Target: nil, p99Target: nil)
    rows.append(
        Row(
            figure: "open loop achieved rate",
            baseline: open.direct.map(\.rate),
            gateway: open.gateway.map(\.rate),
            unit: "req/s",
            showAdded: false
        )
    )
    var closed = Row(
        figure: "req/s c=64 (Swift client)",
        baseline: c64.direct.map(\.rate),
        gateway: c64.gateway.map(\.rate),
        unit: "req/s",
        showAdded: false
    )
    closed.target = "≥ 0.50×"
    closed.met = Row.median(closed.ratios) >= 0.5
    rows.append(closed)
    for (index, reference) in references.enumerated() {
        rows.append(
            Row(
                figure: "\(reference.name) req/s c=64 (Swift client)",
                baseline: c64.direct.map(\.rate),
                gateway: referenceC64[index].map(\.rate),
                unit: "req/s",
                showAdded: false
            )
        )
    }
}

if runs("throughput") {
    if let wrk = Wrk.locate(directory: work) {
        var directRates: [Double] = []
        var gatewayRates: [Double] = []
        var cpu = (emulator: [Double](), gateway: [Double]())
        var referenceRates: [[Double]] = references.map { _ in [] }
        var referenceCPU: [[Double]] = references.map { _ in [] }
        for _ in 0..<rounds {
            let emulatorBefore = emulator.cpuTime()
            let d = try wrk.run(direct, connections: 64, duration: 4)
            let emulatorUsed = emulator.cpuTime() - emulatorBefore
            let gatewayBefore = gateway.cpuTime()
            let g = try wrk.run(through, connections: 64, duration: 4)
            cpu.emulator.append(emulatorUsed.micros / Double(max(1, d.requests)))
            cpu.gateway.append((gateway.cpuTime() - gatewayBefore).micros / Double(max(1, g.requests)))
            failures["wrk direct", default: 0] += d.failures
            failures["wrk gateway", default: 0] += g.failures
            for (index, reference) in references.enumerated() {
                let before = reference.process.cpuTime()
                let result = try wrk.run(reference.target, connections: 64, duration: 4)
                referenceCPU[index].append((reference.process.cpuTime() - before).micros / Double(max(1, result.requests)))
                failures["wrk \(reference.target.label)", default: 0] += result.failures
                referenceRates[index].append(result.requestsPerSecond)
            }
            directRates.append(d.requestsPerSecond)
            gatewayRates.append(g.requestsPerSecond)
        }
        var row = Row(
            figure: "saturation req/s (wrk, 64 conns)",
            baseline: directRates,
            gateway: gatewayRates,
            unit: "req/s",
            showAdded: false
        )
        row.target = "≥ 0.50×"
        row.met = Row.median(row.ratios) >= 0.5
        rows.append(row)
        for (index, reference) in references.enumerated() {
            rows.append(
                Row(
                    figure: "\(reference.name) saturation req/s (wrk)",
                    baseline: directRates,
                    gateway: referenceRates[index],
                    unit: "req/s",
                    showAdded: false
                )
            )
        }
        rows.append(
            Row(
                figure: "CPU per request at saturation (baseline: the emulator's, direct)",
                baseline: cpu.emulator,
                gateway: cpu.gateway,
                unit: "µs",
                showAdded: false
            )
        )
        for (index, reference) in references.enumerated() {
            rows.append(
                Row(
                    figure: "\(reference.name) CPU per request at saturation (baseline: the emulator's)",
                    baseline: cpu.emulator,
                    gateway: referenceCPU[index],
                    unit: "µs",
                    showAdded: false
                )
            )
        }
    } else {
        notes.append("wrk is not installed (SWITCHYARD_WITH_BENCH_TOOLS=1 scripts/install-deps): saturation measured only with the Swift client")
    }
}

// MARK: Streaming

if runs("stream") {
    let directStream = Target(
        label: "direct stream",
        url: "\(emulatorURL)/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
        headers: studioHeaders,
        body: Payloads.stream
    )
    let gatewayStream = Target(
        label: "gateway stream",
        url: "\(gatewayURL)/v1beta/models/bench:streamGenerateContent?alt=sse",
        headers: [:],
        body: Payloads.stream
    )
    var first = (direct: [Double](), gateway: [Double]())
    var perEvent = (direct: [Double](), gateway: [Double]())
    var events = 0
    for _ in 0..<rounds {
        let d = await loader.streams(directStream, count: 500, timeLimit: .seconds(4))
        let g = await loader.streams(gatewayStream, count: 500, timeLimit: .seconds(4))
        count("stream direct", d.total)
        count("stream gateway", g.total)
        events = g.events
        first.direct.append(d.firstEvent.p50.micros)
        first.gateway.append(g.firstEvent.p50.micros)
        // Time from the first event to the end of the stream, per later event.
        let later = Double(max(1, g.events - 1))
        perEvent.direct.append((d.total.p50.micros - d.firstEvent.p50.micros) / Double(max(1, d.events - 1)))
        perEvent.gateway.append((g.total.p50.micros - g.firstEvent.p50.micros) / later)
    }
    rows.append(Row(figure: "stream: time to first event p50", baseline: first.direct, gateway: first.gateway, unit: "µs", showAdded: true))
    rows.append(
        Row(
            figure: "stream: time per later event p50 (\(events) events)",
            baseline: perEvent.direct,
            gateway: perEvent.gateway,
            unit: "µs",
            showAdded: true
        )
    )
}

// MARK: Large images

if runs("images") {
    let png = StoredPNG.make(side: imageSide)
    let body = Payloads.imageEdit(png: png)
    let directImage = Target(
        label: "direct image",
        url: "\(emulatorURL)/v1beta/models/gemini-2.5-flash-image:generateContent",
        headers: studioHeaders,
        body: body
    )
    let gatewayImage = Target(label: "gateway image", url: "\(gatewayURL)/v1beta/models/bench-image:generateContent", headers: [:], body: body)
    // One request first: the answer's size, and the path works.
    let probe = await loader.send(directImage.request(), expectBytes: body.count / 2)
    if let failure = probe.failure { notes.append("image probe failed: \(failure.prefix(300))") }
    let responseBytes = probe.bytes

    func batch(_ target: Target) async -> (Sample, Int) {
        let rssBefore = gateway.memory()?.rss ?? 0
        let sampler = Task {
            var peak = 0
            while !Task.isCancelled {
                peak = max(peak, gateway.memory()?.rss ?? 0)
                try? await Task.sleep(for: .milliseconds(2))
            }
            return peak - rssBefore
        }
        let sample = await loader.closedLoop(target, concurrency: imagesInFlight, count: imagesInFlight, timeLimit: .seconds(120))
        sampler.cancel()
        return (sample, await sampler.value)
    }
    var times = (direct: [Double](), gateway: [Double]())
    var growths: [Double] = []
    for _ in 0..<min(rounds, 2) {
        let (d, _) = await batch(directImage)
        let (g, growth) = await batch(gatewayImage)
        count("images direct", d)
        count("images gateway", g)
        times.direct.append(d.elapsed.seconds * 1000)
        times.gateway.append(g.elapsed.seconds * 1000)
        // The first batch only: later ones reuse memory the allocator kept, which would flatter the figure.
        if growths.isEmpty { growths.append(Double(growth) / 1e6) }
    }
    let inFlight = Double(imagesInFlight * (body.count + responseBytes)) / 1e6
    rows.append(
        Row(
            figure: "\(imagesInFlight) image edits in flight: wall time (req \(body.count / 1000) kB, resp \(responseBytes / 1000) kB)",
            baseline: times.direct,
            gateway: times.gateway,
            unit: "ms",
            showAdded: true
        )
    )
    var memory = Row(
        figure: "gateway RSS growth vs payload in flight (req+resp bytes × \(imagesInFlight))",
        baseline: growths.map { _ in inFlight },
        gateway: growths,
        unit: "MB",
        showAdded: false
    )
    memory.target = "≤ 3×"
    memory.met = Row.median(memory.ratios) <= 3
    rows.append(memory)
    if let peak = gateway.memory()?.peak { notes.append("gateway VmHWM after the image phase: \(peak / 1_000_000) MB") }
}

// MARK: Credentials

if runs("credentials") {
    let context = CredentialContext(transport: transport, environment: AuthEnvironment())
    let logger = Logger(label: "gateway-bench", factory: { _ in SwiftLogNoOpLogHandler() })
    let serviceAccount = try await CredentialSourceFactory.serviceAccount(file: serviceAccountFile).makeSource(context: context)
    let apiKey = try await CredentialSourceFactory.apiKey(GatewayConfig.apiKey).makeSource(context: context)
    _ = try await serviceAccount.authorizationHeaders(logger: logger)  // fills the cache: one grant
    let calls = 200_000
    var warm = (apiKey: [Double](), token: [Double]())
    for _ in 0..<rounds {
        for (index, source) in [apiKey, serviceAccount].enumerated() {
            // On the global executor, as in the gateway (not on the main actor, which would add a hop per call).
            let nanos = try await Task.detached {
                let start = ContinuousClock.now
                for _ in 0..<calls { _ = try await source.authorizationHeaders(logger: logger) }
                return (ContinuousClock.now - start).seconds * 1e9 / Double(calls)
            }.value
            if index == 0 { warm.apiKey.append(nanos) } else { warm.token.append(nanos) }
        }
    }
    rows.append(
        Row(
            figure: "authorizationHeaders, warm token cache (baseline: API key)",
            baseline: warm.apiKey,
            gateway: warm.token,
            unit: "ns",
            showAdded: true
        )
    )

    // Vertex through the gateway against Vertex direct with the bench's own token.
    let headers = try await serviceAccount.authorizationHeaders(logger: logger)
    let vertexDirect = Target(
        label: "direct vertex",
        url: "\(emulatorURL)/v1/projects/\(GatewayConfig.project)/locations/us-central1/publishers/google/models/gemini-2.5-flash:generateContent",
        headers: headers,
        body: Payloads.text
    )
    let vertexGateway = Target(
        label: "gateway vertex",
        url: "\(gatewayURL)/v1beta/models/bench-vertex:generateContent",
        headers: [:],
        body: Payloads.text
    )
    var vertex = (direct: [Double](), gateway: [Double]())
    for _ in 0..<rounds {
        let d = await loader.closedLoop(vertexDirect, concurrency: 1, count: 1000, timeLimit: .seconds(3))
        let g = await loader.closedLoop(vertexGateway, concurrency: 1, count: 1000, timeLimit: .seconds(3))
        count("vertex direct", d)
        count("vertex gateway", g)
        vertex.direct.append(d.p50.micros)
        vertex.gateway.append(g.p50.micros)
    }
    rows.append(
        Row(figure: "Vertex (service account) latency c=1 p50", baseline: vertex.direct, gateway: vertex.gateway, unit: "µs", showAdded: true)
    )
}

// MARK: Start-up

if runs("startup") {
    for _ in 0..<rounds {
        let port = try freePort()
        let extraEmulator = try ChildProcess(
            name: "emulator-startup",
            executable: switchyard,
            arguments: emulatorArguments(port: port, serviceAccount: nil),
            logFile: work.appendingPathComponent("emulator-startup.log")
        )
        emulatorStartups.append(
            try await waitUntilOK("http://127.0.0.1:\(port)/emulator/counters", transport: transport, since: extraEmulator.startedAt).micros
        )
        await extraEmulator.stop()
        let gatewayStartupPort = try freePort()
        let extraGateway = try ChildProcess(
            name: "gateway-startup",
            executable: switchyard,
            arguments: gatewayArguments(port: gatewayStartupPort),
            logFile: work.appendingPathComponent("gateway-startup.log")
        )
        gatewayStartups.append(
            try await waitUntilOK("http://127.0.0.1:\(gatewayStartupPort)/readyz", transport: transport, since: extraGateway.startedAt).micros
        )
        await extraGateway.stop()
    }
    rows.append(
        Row(
            figure: "start-up: process start → first 200 (/readyz; emulator: /emulator/counters)",
            baseline: emulatorStartups.map { $0 / 1000 },
            gateway: gatewayStartups.map { $0 / 1000 },
            unit: "ms",
            showAdded: true
        )
    )
}

// MARK: Signatures and the end

func fetchText(_ url: String) async -> String {
    guard let response = try? await transport.execute(HTTPRequest(method: .get, url: url)),
        let body = try? await response.body.collect(upTo: 8 << 20)
    else { return "" }
    return String(decoding: body, as: UTF8.self)
}
let metricsText = await fetchText("\(gatewayURL)/metrics")
let signatures = metricsText.split(separator: "\n")
    .filter { $0.hasPrefix("switchyard_auth_jwt_signatures_total") }
    .compactMap { Double($0.split(separator: " ").last ?? "") }
    .reduce(0, +)
/// The sum of every series of a metric (all label sets), from the Prometheus text.
func metricTotal(_ name: String) -> Double {
    metricsText.split(separator: "\n")
        .filter { $0.hasPrefix(name + "{") || $0.hasPrefix(name + " ") }
        .compactMap { Double($0.split(separator: " ").last ?? "") }
        .reduce(0, +)
}
let overheadSum = metricTotal("switchyard_gateway_overhead_seconds_sum")
let overheadCount = metricTotal("switchyard_gateway_overhead_seconds_count")
let counters = await fetchText("\(emulatorURL)/emulator/counters")
let grants =
    counters.range(of: #""tokenGrants"\s*:\s*[0-9]+"#, options: .regularExpression)
    .map { counters[$0].split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "?" } ?? "?"
let loadAtEnd = loadAverage()

await gateway.stop()
for reference in references { await reference.process.stop() }
await emulator.stop()

print("")
printTable(rows)
print("")
let failed = failures.values.reduce(0, +)
print(
    "failed requests: \(failed)\(failed == 0 ? " ✅" : " ❌ " + failures.filter { $0.value > 0 }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))"
)
// Only the credentials phase sends requests through the service-account route.
let expectedSignatures = runs("credentials") ? 1 : 0
print(
    "RSA signatures by the gateway during the run (switchyard_auth_jwt_signatures_total): \(Int(signatures)) "
        + "(1 service-account credential, token lifetime 3600 s: expected \(expectedSignatures))"
        + (Int(signatures) == expectedSignatures ? " ✅" : " ❌")
)
if overheadCount > 0 {
    print(
        "the gateway's own overhead metric (switchyard_gateway_overhead_seconds: answer time minus upstream time), "
            + "mean over the run's \(Int(overheadCount)) requests: \(Int((overheadSum / overheadCount * 1e6).rounded())) µs"
    )
}
print("token grants at the emulator: \(grants) (the gateway's, plus 1 by this benchmark's own credential)")
print("load average: \(loadAtStart) at start, \(loadAtEnd) at end")
for note in notes { print("note: \(note)") }
await transport.shutdown()
try? FileManager.default.removeItem(at: work)
exit(failed == 0 ? 0 : 1)
