import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import SwitchyardHTTP

/// One way to fetch a URL and read its whole body; returns the body's length.
typealias Fetch = @Sendable (String) async throws -> Int

struct Scenario {
    let name: String
    let path: String
    let bodySize: Int
    let latencyRequests: Int
    let throughputRequests: Int
}

/// Bounds: each phase stops at its request count or after this long, whichever comes first.
let phaseTimeLimit = Duration.seconds(4)
/// Rounds per scenario; each figure is the median over the rounds.
let rounds = Int(ProcessInfo.processInfo.environment["BENCH_ROUNDS"] ?? "") ?? 3
/// `BENCH_SCENARIO=small|large` and `BENCH_CLIENT=curl|ahc` narrow a run (for profiling); both unset runs everything.
let onlyScenario = ProcessInfo.processInfo.environment["BENCH_SCENARIO"]
let onlyClient = ProcessInfo.processInfo.environment["BENCH_CLIENT"]
let allScenarios = [
    Scenario(name: "small (128 B)", path: "/small", bodySize: 128, latencyRequests: 2000, throughputRequests: 20000),
    Scenario(name: "2 MB", path: "/large", bodySize: 2 << 20, latencyRequests: 200, throughputRequests: 1000),
]
let scenarios = allScenarios.filter { onlyScenario == nil || $0.path == "/" + (onlyScenario ?? "") }
let concurrency = 64

func percentile(_ sorted: [Duration], _ fraction: Double) -> Duration {
    guard !sorted.isEmpty else { return .zero }
    let index = min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)
    return sorted[max(0, index)]
}

/// Sequential requests; returns (p50, p99).
func measureLatency(_ fetch: Fetch, url: String, expected: Int, requests: Int) async throws -> (Duration, Duration) {
    for _ in 0..<min(50, requests) { _ = try await fetch(url) }  // warm-up: connections, caches
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: phaseTimeLimit)
    var samples: [Duration] = []
    samples.reserveCapacity(requests)
    while samples.count < requests, clock.now < deadline {
        let start = clock.now
        let length = try await fetch(url)
        samples.append(clock.now - start)
        guard length == expected else { throw BenchError.wrongLength(length) }
    }
    samples.sort()
    return (percentile(samples, 0.50), percentile(samples, 0.99))
}

/// `concurrency` workers share `requests`; returns requests per second.
func measureThroughput(_ fetch: @escaping Fetch, url: String, expected: Int, requests: Int) async throws -> Double {
    for _ in 0..<2 {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<concurrency { group.addTask { _ = try await fetch(url) } }
            try await group.waitForAll()
        }
    }
    let clock = ContinuousClock()
    let start = clock.now
    let deadline = start.advanced(by: phaseTimeLimit)
    let completed = try await withThrowingTaskGroup(of: Int.self) { group in
        let perWorker = requests / concurrency
        for _ in 0..<concurrency {
            group.addTask {
                var done = 0
                while done < perWorker, clock.now < deadline {
                    let length = try await fetch(url)
                    guard length == expected else { throw BenchError.wrongLength(length) }
                    done += 1
                }
                return done
            }
        }
        return try await group.reduce(0, +)
    }
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return Double(completed) / seconds
}

enum BenchError: Error {
    case wrongLength(Int)
}

func micros(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
}

let server = try await BenchServer.start()
let base = "http://127.0.0.1:\(server.port)"

let curl = CurlTransport(
    configuration: CurlTransport.Configuration(
        maxConnectionsPerHost: concurrency,
        proxy: .none,
        bodyBufferLimit: Int(ProcessInfo.processInfo.environment["BENCH_CURL_BUFFER_LIMIT"] ?? "") ?? (1 << 20)
    )
)
let curlFetch: Fetch = { url in
    let response = try await curl.execute(HTTPRequest(method: .get, url: url))
    return try await response.body.collect(upTo: 4 << 20).count
}

var ahcConfiguration = HTTPClient.Configuration()
ahcConfiguration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: concurrency)
ahcConfiguration.decompression = .disabled
let ahc = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: ahcConfiguration)
let ahcFetch: Fetch = { url in
    let response = try await ahc.execute(HTTPClientRequest(url: url), timeout: .seconds(30))
    return try await response.body.collect(upTo: 4 << 20).readableBytes
}

print("transport-bench: loopback HTTP/1.1 server on port \(server.port), \(ProcessInfo.processInfo.activeProcessorCount) cores")
print("each phase: up to its request count or \(phaseTimeLimit), whichever first; concurrency \(concurrency) for req/s;")
print("clients alternate; each figure is the median of \(rounds) rounds")
print("")
print("| scenario | metric | CurlTransport | AsyncHTTPClient | curl/AHC |")
print("|---|---|---:|---:|---:|")
/// Median of the rounds' figures, so one disturbed round does not decide the result.
func median<T: Comparable>(_ values: [T]) -> T {
    values.sorted()[values.count / 2]
}

for scenario in scenarios {
    let url = base + scenario.path
    let runAHC = onlyClient == nil || onlyClient == "ahc"
    let runCurl = onlyClient == nil || onlyClient == "curl"
    var curlP50: [Duration] = [], curlP99: [Duration] = [], ahcP50: [Duration] = [], ahcP99: [Duration] = []
    var curlRates: [Double] = [], ahcRates: [Double] = []
    // Alternate the clients round by round so drift in machine load hits both alike.
    for _ in 0..<rounds {
        if runAHC {
            let latency = try await measureLatency(ahcFetch, url: url, expected: scenario.bodySize, requests: scenario.latencyRequests)
            ahcP50.append(latency.0)
            ahcP99.append(latency.1)
        }
        if runCurl {
            let latency = try await measureLatency(curlFetch, url: url, expected: scenario.bodySize, requests: scenario.latencyRequests)
            curlP50.append(latency.0)
            curlP99.append(latency.1)
        }
        if runAHC {
            ahcRates.append(try await measureThroughput(ahcFetch, url: url, expected: scenario.bodySize, requests: scenario.throughputRequests))
        }
        if runCurl {
            curlRates.append(try await measureThroughput(curlFetch, url: url, expected: scenario.bodySize, requests: scenario.throughputRequests))
        }
    }
    let row: (String, Double, Double, (Double) -> String) -> Void = { metric, curlValue, ahcValue, show in
        let ratio = ahcValue > 0 && curlValue > 0 ? String(format: "%.2f", curlValue / ahcValue) : "-"
        print("| \(scenario.name) | \(metric) | \(curlValue > 0 ? show(curlValue) : "-") | \(ahcValue > 0 ? show(ahcValue) : "-") | \(ratio) |")
    }
    let showMicros: (Double) -> String = { $0 >= 10_000 ? String(format: "%.2f ms", $0 / 1000) : String(format: "%.0f µs", $0) }
    let showRate: (Double) -> String = { String(format: "%.0f", $0) }
    row("p50 latency, c=1", curlP50.isEmpty ? 0 : micros(median(curlP50)), ahcP50.isEmpty ? 0 : micros(median(ahcP50)), showMicros)
    row("p99 latency, c=1", curlP99.isEmpty ? 0 : micros(median(curlP99)), ahcP99.isEmpty ? 0 : micros(median(ahcP99)), showMicros)
    row("req/s, c=\(concurrency)", curlRates.isEmpty ? 0 : median(curlRates), ahcRates.isEmpty ? 0 : median(ahcRates), showRate)
}
print("")
print("latency ratio < 1 and req/s ratio > 1 favour CurlTransport")

await curl.shutdown()
try await ahc.shutdown().get()
try await server.shutdown()
