import Foundation
import SwitchyardHTTP

/// Where a request goes: straight to the emulator, or through the gateway.
struct Target: Sendable {
    var label: String
    var url: String
    var headers: HTTPHeaders
    var body: Data

    func request(url override: String? = nil) -> HTTPRequest {
        var headers = headers
        headers.add(name: "Content-Type", value: "application/json")
        return HTTPRequest(method: .post, url: override ?? url, headers: headers, body: body)
    }
}

/// Latencies of one phase, the failures it saw and how long it took.
struct Sample: Sendable {
    var latencies: [Duration] = []
    var failures = 0
    var elapsed: Duration = .zero
    var firstFailure: String?

    var p50: Duration { percentile(0.50) }
    var p99: Duration { percentile(0.99) }
    var rate: Double { latencies.isEmpty ? 0 : Double(latencies.count) / elapsed.seconds }

    func percentile(_ fraction: Double) -> Duration {
        let sorted = latencies.sorted()
        guard !sorted.isEmpty else { return .zero }
        let index = min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)
        return sorted[max(0, index)]
    }

    mutating func merge(_ other: Sample) {
        latencies += other.latencies
        failures += other.failures
        firstFailure = firstFailure ?? other.firstFailure
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
    var micros: Double { seconds * 1e6 }
}

/// Sends requests and checks every answer: status 200 and a body of the expected form.
struct Loader: Sendable {
    let transport: CurlTransport
    let clock = ContinuousClock()

    /// One request; the error text when it failed.
    func send(_ request: HTTPRequest, expectBytes: Int = 0) async -> (bytes: Int, failure: String?) {
        do {
            let response = try await transport.execute(request)
            let body = try await response.body.collect(upTo: 64 << 20)
            guard response.status == 200 else {
                return (body.count, "HTTP \(response.status): \(String(decoding: body.prefix(300), as: UTF8.self))")
            }
            guard body.count >= expectBytes else { return (body.count, "short body: \(body.count) bytes") }
            return (body.count, nil)
        } catch {
            return (0, "\(error)")
        }
    }

    /// `concurrency` workers share `count` requests, each worker sending its next request when the last is answered;
    /// stops at the count or the time limit.
    func closedLoop(_ target: Target, concurrency: Int, count: Int, timeLimit: Duration) async -> Sample {
        let request = target.request()
        let start = clock.now
        let deadline = start + timeLimit
        let perWorker = max(1, count / concurrency)
        var sample = await withTaskGroup(of: Sample.self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    var local = Sample()
                    local.latencies.reserveCapacity(perWorker)
                    for _ in 0..<perWorker {
                        if clock.now >= deadline { break }
                        let sent = clock.now
                        let outcome = await send(request)
                        if let failure = outcome.failure {
                            local.failures += 1
                            local.firstFailure = local.firstFailure ?? failure
                        } else {
                            local.latencies.append(clock.now - sent)
                        }
                    }
                    return local
                }
            }
            var all = Sample()
            for await local in group { all.merge(local) }
            return all
        }
        sample.elapsed = clock.now - start
        return sample
    }

    /// Open loop: request `i` is due at `start + i / rate` whether or not earlier ones were answered, and its
    /// latency counts from when it was due (so a stall is not hidden by sending less).
    func openLoop(_ target: Target, rate: Int, count: Int, timeLimit: Duration) async -> Sample {
        let request = target.request()
        let interval = Duration.seconds(1) / rate
        let start = clock.now + .milliseconds(5)
        let deadline = start + timeLimit
        var sample = await withTaskGroup(of: (Duration, String?).self) { group in
            for index in 0..<count {
                let due = start + interval * index
                if due >= deadline { break }
                try? await Task.sleep(until: due, clock: clock)
                group.addTask {
                    let outcome = await send(request)
                    return (clock.now - due, outcome.failure)
                }
            }
            var all = Sample()
            for await (latency, failure) in group {
                if let failure {
                    all.failures += 1
                    all.firstFailure = all.firstFailure ?? failure
                } else {
                    all.latencies.append(latency)
                }
            }
            return all
        }
        sample.elapsed = clock.now - start
        return sample
    }

    /// Streams: time to the first `data:` event and to the end of the stream, one request at a time.
    func streams(_ target: Target, count: Int, timeLimit: Duration) async -> (firstEvent: Sample, total: Sample, events: Int) {
        let request = target.request()
        var firstEvent = Sample()
        var total = Sample()
        var events = 0
        let deadline = clock.now + timeLimit
        for _ in 0..<count where clock.now < deadline {
            let sent = clock.now
            do {
                let response = try await transport.execute(request)
                var first: Duration?
                var text = Data()
                for try await chunk in response.body {
                    if first == nil, chunk.contains(UInt8(ascii: "d")) { first = clock.now - sent }
                    text.append(chunk)
                }
                let end = clock.now - sent
                let seen = String(decoding: text, as: UTF8.self).components(separatedBy: "data: ").count - 1
                guard response.status == 200, seen > 0, let first else {
                    total.failures += 1
                    total.firstFailure = total.firstFailure ?? "HTTP \(response.status), \(seen) events"
                    continue
                }
                events = seen
                firstEvent.latencies.append(first)
                total.latencies.append(end)
            } catch {
                total.failures += 1
                total.firstFailure = total.firstFailure ?? "\(error)"
            }
        }
        return (firstEvent, total, events)
    }
}
