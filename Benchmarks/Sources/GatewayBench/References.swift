import Foundation
import SwitchyardHTTP

/// A process that forwards the benchmark's requests to the emulator without being the gateway, measured in the same
/// rounds so the gateway's rows can be read against it.
struct Reference {
    /// How rows name it, e.g. `floor (stack only)`.
    let name: String
    let process: ChildProcess
    let target: Target
}

enum References {
    /// `forward-floor`: the gateway's own server and outbound stack (Hummingbird on its event loops, CurlTransport)
    /// forwarding the bytes, with none of the gateway's work. no reference (and a note) when it is not built.
    static func floor(emulatorURL: String, apiKey: String, work: URL, transport: CurlTransport) async throws -> (reference: Reference?, note: String?) {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("forward-floor").path
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            return (nil, "forward-floor is not built beside gateway-bench (Benchmarks/run-gateway builds it): no floor rows")
        }
        let port = try freePort()
        let url = "http://127.0.0.1:\(port)"
        let process = try ChildProcess(
            name: "forward-floor",
            executable: executable,
            arguments: ["\(port)", emulatorURL, apiKey],
            logFile: work.appendingPathComponent("forward-floor.log")
        )
        _ = try await waitUntilOK(url, transport: transport, since: process.startedAt)
        let reference = Reference(
            name: "floor (stack only)",
            process: process,
            target: Target(label: "floor", url: "\(url)/v1beta/models/gemini-2.5-flash:generateContent", headers: [:], body: Payloads.text)
        )
        return (reference, nil)
    }

    /// nginx as a reverse proxy in front of the emulator (one process, keep-alive upstream connections, the API key
    /// added like the floor adds it): what a lean proxy written in C costs on this machine. no reference (and a note) when
    /// nginx is not installed (`SWITCHYARD_WITH_BENCH_TOOLS=1 scripts/install-deps` installs it).
    static func nginx(emulatorURL: String, apiKey: String, work: URL, transport: CurlTransport) async throws -> (reference: Reference?, note: String?) {
        guard let executable = ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx"].first(where: {
            FileManager.default.isExecutableFile(atPath: $0)
        }) else {
            return (nil, "nginx is not installed (SWITCHYARD_WITH_BENCH_TOOLS=1 scripts/install-deps): no reference-proxy rows")
        }
        let port = try freePort()
        let url = "http://127.0.0.1:\(port)"
        let directory = work.appendingPathComponent("nginx")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("temp"), withIntermediateDirectories: true)
        let upstream = emulatorURL.replacingOccurrences(of: "http://", with: "")
        let configuration = """
            daemon off;
            master_process off;
            worker_processes 1;
            pid \(directory.path)/nginx.pid;
            error_log \(directory.path)/error.log warn;
            events { worker_connections 4096; }
            http {
                access_log off;
                client_body_temp_path \(directory.path)/temp/body;
                proxy_temp_path \(directory.path)/temp/proxy;
                upstream emulator { server \(upstream); keepalive 128; }
                server {
                    listen 127.0.0.1:\(port);
                    client_max_body_size 64m;
                    location / {
                        proxy_pass http://emulator;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header x-goog-api-key "\(apiKey)";
                    }
                }
            }

            """
        let file = directory.appendingPathComponent("nginx.conf")
        try configuration.write(to: file, atomically: true, encoding: .utf8)
        let process = try ChildProcess(
            name: "nginx",
            executable: executable,
            arguments: ["-e", directory.appendingPathComponent("error.log").path, "-p", directory.path, "-c", file.path],
            logFile: work.appendingPathComponent("nginx.log")
        )
        do {
            _ = try await waitUntilOK("\(url)/emulator/counters", transport: transport, since: process.startedAt, limit: .seconds(10))
        } catch {
            await process.stop()
            let log = (try? String(contentsOf: directory.appendingPathComponent("error.log"), encoding: .utf8)) ?? ""
            return (nil, "nginx did not start (\(log.suffix(300))): no reference-proxy rows")
        }
        let reference = Reference(
            name: "nginx (reference proxy)",
            process: process,
            target: Target(label: "nginx", url: "\(url)/v1beta/models/gemini-2.5-flash:generateContent", headers: [:], body: Payloads.text)
        )
        return (reference, nil)
    }
}
