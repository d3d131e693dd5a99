import Foundation
import Logging
import SwitchyardHTTP

/// The GCE metadata server (also on Cloud Run, GKE and App Engine), found as google-auth finds it.
///
/// - Host: `GCE_METADATA_HOST` (host or host:port), else the legacy `GCE_METADATA_ROOT`, else `metadata.google.internal`.
/// - Detection ping: `GET http://<host>/` with `Metadata-Flavor: Google`, where host is `GCE_METADATA_IP`, else
///   `GCE_METADATA_HOST`, else `169.254.169.254`. It counts only when the answer is 200 with the response header
///   `Metadata-Flavor: Google`. Each try waits `GCE_METADATA_TIMEOUT` seconds (default 3); `GCE_METADATA_DETECT_RETRIES`
///   tries (default 3) with the token-retry pauses between them; only transport failures are retried.
/// - `NO_GCE_CHECK=true` skips the metadata server altogether.
///
/// google-auth pings `169.254.169.254` even when `GCE_METADATA_HOST` is set; Switchyard pings the overridden host, as
/// Go's metadata client treats that variable as proof of being on GCE. This keeps emulator tests hermetic.
struct MetadataServer: Sendable {
    /// Where metadata requests go: host or host:port.
    let host: String
    /// Where the detection ping goes: host or host:port.
    let pingHost: String
    /// How long one ping may take.
    let pingTimeout: Duration
    /// How many pings to try.
    let pingAttempts: Int
    /// Whether `NO_GCE_CHECK` turned detection off.
    let checkDisabled: Bool

    init(environment: AuthEnvironment) {
        let host = environment["GCE_METADATA_HOST"] ?? environment["GCE_METADATA_ROOT"] ?? "metadata.google.internal"
        self.host = host
        self.pingHost = environment["GCE_METADATA_IP"] ?? environment["GCE_METADATA_HOST"] ?? "169.254.169.254"
        let seconds = environment["GCE_METADATA_TIMEOUT"].flatMap(Double.init).flatMap { $0.isFinite ? $0 : nil } ?? 3
        self.pingTimeout = .milliseconds(Int64(min(max(0.05, seconds), 600) * 1000))
        self.pingAttempts = min(max(1, environment["GCE_METADATA_DETECT_RETRIES"].flatMap(Int.init) ?? 3), 20)
        self.checkDisabled = environment["NO_GCE_CHECK"]?.lowercased() == "true"
    }

    /// `http://<host>/computeMetadata/v1/`.
    var rootURL: String { "http://\(host)/computeMetadata/v1/" }
    /// `http://<ping host>/`.
    var pingURL: String { "http://\(pingHost)/" }

    /// The outcome of detection, with a reason for the "nothing found" error.
    struct Detection: Sendable {
        let available: Bool
        let reason: String
    }

    /// Pings the metadata server.
    func detect(transport: any HTTPTransport, retry: TokenRetrySchedule, logger: Logger) async -> Detection {
        if checkDisabled {
            return Detection(available: false, reason: "skipped because NO_GCE_CHECK=true")
        }
        let request = HTTPRequest(
            method: .get,
            url: pingURL,
            headers: ["Metadata-Flavor": "Google"],
            timeouts: HTTPTimeouts(connect: pingTimeout, total: pingTimeout)
        )
        var lastFailure = "no answer"
        for attempt in 1...pingAttempts {
            if Task.isCancelled { return Detection(available: false, reason: "cancelled") }
            do {
                let response = try await transport.execute(request)
                _ = try? await response.body.collect(upTo: 64 * 1024)
                let flavor = response.headers["Metadata-Flavor"]
                if response.status == 200 && flavor == "Google" {
                    return Detection(available: true, reason: "answered at \(pingURL)")
                }
                return Detection(
                    available: false,
                    reason: "\(pingURL) answered HTTP \(response.status) with Metadata-Flavor \(flavor.map { "\"\($0)\"" } ?? "missing")"
                )
            } catch {
                lastFailure = "\(error)"
                logger.debug("metadata server ping failed", metadata: ["switchyard.auth.attempt": "\(attempt)", "error": "\(error)"])
            }
            if attempt < pingAttempts {
                do { try await Task.sleep(for: retry.delay(beforeRetry: attempt)) } catch { break }
            }
        }
        return Detection(
            available: false,
            reason: "no answer at \(pingURL) after \(pingAttempts) \(pingAttempts == 1 ? "try" : "tries") (\(lastFailure))"
        )
    }
}
