import Logging
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Log lines in the layout of swift-log's `StreamLogHandler`, written with one `write(2)` per line.
///
/// A line reads `2026-11-22T03:46:47+0000 info switchyard: key=value ... [Module] message`: the local time to the
/// second, the level, the label, the metadata sorted by key (the handler's, then the metadata provider's, then the
/// call's, later ones winning; an error adds `error.message` and `error.type`), the source module and the message.
/// Tools that read `StreamLogHandler`'s lines read these.
///
/// `StreamLogHandler` formats the time with `strftime` on every line, merges the metadata dictionaries even when
/// only one has entries, builds the line by string interpolation and flushes a `FILE` under its lock. The gateway
/// writes an access line per request, and that came to about 12% of its instructions per request. This handler
/// formats the time once per second, sorts the metadata that is there, and appends the line's UTF-8 into one buffer.
/// swift-log has no faster text handler; this is written by hand for that reason.
public struct TextLogHandler: LogHandler {
    /// Where the lines go.
    private let output: Output
    /// The logger's label, printed after the level.
    public let label: String
    /// The lowest level that is written.
    public var logLevel: Logger.Level = .info
    /// Metadata printed on every line of this handler.
    public var metadata: Logger.Metadata = [:]
    /// Metadata gathered from the task context for each line.
    public var metadataProvider: Logger.MetadataProvider?

    /// A handler writing to standard error.
    public static func standardError(label: String, metadataProvider: Logger.MetadataProvider? = nil) -> TextLogHandler {
        TextLogHandler(label: label, fileDescriptor: STDERR_FILENO, metadataProvider: metadataProvider)
    }

    /// A handler writing to an open file descriptor, which it never closes.
    public init(label: String, fileDescriptor: Int32, metadataProvider: Logger.MetadataProvider? = nil) {
        self.label = label
        self.output = Output(fileDescriptor: fileDescriptor)
        self.metadataProvider = metadataProvider
    }

    /// Reads or sets one metadata value of this handler.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes one line for `event`.
    public func log(event: LogEvent) {
        var line: [UInt8] = []
        line.reserveCapacity(512)
        Timestamp.shared.append(to: &line)
        line.append(UInt8(ascii: " "))
        line.append(contentsOf: event.level.rawValue.utf8)
        if !label.isEmpty {
            line.append(UInt8(ascii: " "))
            line.append(contentsOf: label.utf8)
        }
        line.append(UInt8(ascii: ":"))
        for (key, value) in lineMetadata(event) {
            line.append(UInt8(ascii: " "))
            line.append(contentsOf: key.utf8)
            line.append(UInt8(ascii: "="))
            switch value {
            case .string(let text): line.append(contentsOf: text.utf8)
            default: line.append(contentsOf: value.description.utf8)
            }
        }
        line.append(contentsOf: " [".utf8)
        line.append(contentsOf: event.source.utf8)
        line.append(contentsOf: "] ".utf8)
        line.append(contentsOf: event.message.description.utf8)
        line.append(UInt8(ascii: "\n"))
        output.emit(line)
    }

    /// The line's metadata sorted by key: this handler's, the provider's and the event's, later ones winning.
    private func lineMetadata(_ event: LogEvent) -> [(key: String, value: Logger.Metadata.Value)] {
        let provided = metadataProvider?.get() ?? [:]
        let explicit = event.metadata ?? [:]
        var merged: Logger.Metadata
        if metadata.isEmpty && provided.isEmpty && event.error == nil {
            merged = explicit
        } else {
            merged = metadata
            merged.merge(provided) { _, new in new }
            merged.merge(explicit) { _, new in new }
            if let error = event.error {
                merged["error.message"] = "\(error)"
                merged["error.type"] = "\(String(reflecting: type(of: error)))"
            }
        }
        var entries: [(key: String, value: Logger.Metadata.Value)] = []
        entries.reserveCapacity(merged.count)
        for entry in merged { entries.append(entry) }
        entries.sort { $0.key < $1.key }
        return entries
    }
}

extension TextLogHandler {
    /// A file descriptor that whole lines are written to.
    private struct Output: Sendable {
        let fileDescriptor: Int32

        /// Writes all of `bytes`, continuing after partial writes and interrupted calls; drops the line if the
        /// descriptor fails (a log line must never stop a request).
        func emit(_ bytes: [UInt8]) {
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written > 0 {
                        offset += written
                    } else if written < 0 && errno == EINTR {
                        continue
                    } else {
                        return
                    }
                }
            }
        }
    }

    /// The local time to the second as `strftime("%Y-%m-%dT%H:%M:%S%z")` prints it, formatted once per second.
    final class Timestamp: Sendable {
        /// The process's one clock for log lines.
        static let shared = Timestamp()

        private let cached = Mutex<(second: Int, text: [UInt8])>((second: -1, text: []))

        /// Appends the current second's text to `line`.
        func append(to line: inout [UInt8]) {
            let now = time(nil)
            let second = Int(now)
            let text: [UInt8] = cached.withLock { cache in
                if cache.second != second {
                    cache = (second, Self.format(now))
                }
                return cache.text
            }
            line.append(contentsOf: text)
        }

        /// Formats `seconds` since the epoch in the local time zone.
        static func format(_ seconds: time_t) -> [UInt8] {
            var value = seconds
            var local = tm()
            guard localtime_r(&value, &local) != nil else { return Array("<unknown>".utf8) }
            var buffer = [Int8](repeating: 0, count: 64)
            let count = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &local)
            return buffer.prefix(count).map { UInt8(bitPattern: $0) }
        }
    }
}
