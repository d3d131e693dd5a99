import Foundation
import Testing

/// The built `switchyard` executable, run as a subprocess with a time limit.
struct CLIProcess {
    /// What a run produced.
    struct Output: CustomStringConvertible {
        var status: Int32
        var stdout: String
        var stderr: String

        var description: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
    }

    /// The repository root (this file is Tests/SwitchyardCLITests/Support/CLIProcess.swift).
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `switchyard` beside the test bundle (SwiftPM puts both in the same build directory), or `SWITCHYARD_BINARY`.
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["SWITCHYARD_BINARY"] { return URL(fileURLWithPath: path) }
        var directory = Bundle.main.bundleURL
        if directory.pathExtension == "xctest" || !FileManager.default.fileExists(atPath: directory.appendingPathComponent("switchyard").path) {
            directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        }
        for candidate in [directory, directory.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("switchyard")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return directory.appendingPathComponent("switchyard")
    }

    /// Runs `switchyard arguments...` in `directory` (a fresh scratch directory by default), killing it after `timeout`; output goes to files, so a chatty
    /// process can never block on a full pipe.
    static func run(
        _ arguments: [String],
        in directory: URL? = nil,
        environment: [String: String] = [:],
        timeout: Duration = .seconds(45)
    ) async throws -> Output {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("switchyard-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let stdoutURL = scratch.appendingPathComponent("stdout")
        let stderrURL = scratch.appendingPathComponent("stderr")
        try Data().write(to: stdoutURL)
        try Data().write(to: stderrURL)
        let stdoutHandle = try FileHandle(forWritingTo: stdoutURL)
        let stderrHandle = try FileHandle(forWritingTo: stderrURL)
        defer {
            try? stdoutHandle.close()
            try? stderrHandle.close()
        }

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? scratch
        var variables = ProcessInfo.processInfo.environment
        variables.removeValue(forKey: "SWITCHYARD_HOST")
        variables.removeValue(forKey: "SWITCHYARD_PORT")
        for (name, value) in environment { variables[name] = value }
        process.environment = variables
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdoutHandle
        process.standardError = stderrHandle

        let exited = AsyncStream<Int32>.makeStream()
        process.terminationHandler = { finished in
            exited.continuation.yield(finished.terminationStatus)
            exited.continuation.finish()
        }
        try process.run()
        enum Event: Sendable { case exited(Int32), timedOut }
        let status: Int32? = await withTaskGroup(of: Event.self) { group in
            group.addTask {
                var iterator = exited.stream.makeAsyncIterator()
                return .exited(await iterator.next() ?? -1)
            }
            group.addTask {
                // The subprocess's time limit: a bound, not synchronisation.
                try? await Task.sleep(for: timeout)
                return .timedOut
            }
            guard case .exited(let code) = await group.next() else {
                process.terminate()
                _ = await group.next()
                return nil
            }
            group.cancelAll()
            return code
        }
        let stdout = String(decoding: (try? Data(contentsOf: stdoutURL)) ?? Data(), as: UTF8.self)
        let stderr = String(decoding: (try? Data(contentsOf: stderrURL)) ?? Data(), as: UTF8.self)
        guard let status else {
            Issue.record("switchyard \(arguments.joined(separator: " ")) did not finish within \(timeout)\n\(stdout)\n\(stderr)")
            return Output(status: -1, stdout: stdout, stderr: stderr)
        }
        return Output(status: status, stdout: stdout, stderr: stderr)
    }
}
