import Foundation
import SwitchyardHTTP

/// A stand-in ``HTTPTransport`` over the `curl` command line tool, used until `CurlTransport` lands on main.
///
/// curl writes the response head and body to temporary files (pipes would leak into concurrently spawned children
/// and delay end-of-file), so a body arrives as one chunk. A connection closed without a response (curl exit 52) or
/// reset (56) becomes `HTTPTransportError.connectionReset`.
struct CurlCLITransport: HTTPTransport {
    func execute(_ request: HTTPRequest) async throws -> HTTPResponse {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("emulator-curl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let headFile = directory.appendingPathComponent("head")
        let bodyFile = directory.appendingPathComponent("body")
        var arguments = ["-sS", "--max-time", "30", "-X", request.method.rawValue, "-H", "Expect:", "-D", headFile.path, "-o", bodyFile.path]
        for field in request.headers { arguments += ["-H", "\(field.name): \(field.value)"] }
        if let body = request.body {
            let requestFile = directory.appendingPathComponent("request")
            try body.write(to: requestFile)
            arguments += ["--data-binary", "@\(requestFile.path)"]
        }
        arguments.append(request.url)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { finished in continuation.resume(returning: finished.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        switch status {
        case 0: break
        case 7: throw HTTPTransportError(code: .connectionRefused, message: "curl: connection refused")
        case 52, 56: throw HTTPTransportError(code: .connectionReset, message: "curl exit \(status)")
        default: throw HTTPTransportError(code: .other, message: "curl exit \(status)")
        }
        let head = String(decoding: try Data(contentsOf: headFile), as: UTF8.self).components(separatedBy: "\r\n")
        let statusCode = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers = HTTPHeaders()
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.add(name: String(line[..<colon]), value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let body = (try? Data(contentsOf: bodyFile)) ?? Data()
        return HTTPResponse(status: statusCode, headers: headers, body: .bytes(body))
    }
}
