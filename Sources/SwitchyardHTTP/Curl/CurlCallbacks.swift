import CCurl
import Foundation

/// The C callbacks libcurl calls on the multi thread. Each gets its ``CurlTransfer`` through an unretained
/// `Unmanaged` pointer: the multi loop holds a strong reference for as long as the handle is in the multi handle,
/// and libcurl calls these only from `curl_multi_perform` / `curl_easy_pause` on that thread.
///
/// They do as little as possible: the header callback only keeps the raw bytes of the final head, which the
/// caller's task parses; the write callback copies the bytes once into the transfer's buffer.
enum CurlCallbacks {
    static func transfer(_ userdata: UnsafeMutableRawPointer?) -> CurlTransfer? {
        guard let userdata else { return nil }
        return Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
    }

    /// `CURLOPT_WRITEFUNCTION`: body bytes.
    static let write: swy_curl_data_callback = { buffer, size, count, userdata in
        let length = size * count
        guard let transfer = transfer(userdata) else { return 0 }
        if !transfer.headReady { transfer.markHeadReady() }
        transfer.lastActivity = MonotonicClock.now()
        guard length > 0, let buffer else { return length }
        switch transfer.deliverBody(UnsafeRawBufferPointer(start: buffer, count: length)) {
        case .accepted:
            // A body that is not complete with these bytes may take a while: hand the head over now rather
            // than at the end of the perform round.
            if !transfer.headSent, transfer.expectedRemaining.map({ $0 > 0 }) ?? true {
                transfer.sendHeadIfReady()
            }
            return length
        case .pause:
            transfer.pausedByBackpressure = true
            return swy_writefunc_pause()
        case .abort:
            return 0
        }
    }

    /// `CURLOPT_HEADERFUNCTION`: one complete header line at a time, including the status line and the blank line.
    static let header: swy_curl_data_callback = { buffer, size, count, userdata in
        let length = size * count
        guard let transfer = transfer(userdata), let buffer else { return length }
        transfer.lastActivity = MonotonicClock.now()
        transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: buffer, count: length))
        return length
    }

    /// `CURLOPT_PREREQFUNCTION`: the connection (and any proxy tunnel) is up and the request is about to go out.
    static let prerequest: swy_curl_prereq_callback = { userdata, _, _, _, _ in
        transfer(userdata)?.requestSent = true
        return 0
    }
}

/// The final response head as received: the status, the raw header lines (CRLF-terminated, no status line), and
/// the protocol version from the status line.
struct ReceivedHead: Sendable {
    var status: Int
    var headerBytes: [UInt8]
    var version: HTTPVersion? = nil
}

extension CurlTransfer {
    /// Takes one header line on the multi thread. Keeps the bytes of the current head; on the blank line that ends
    /// the final (non-1xx) head, marks the head ready (the loop hands it over after `curl_multi_perform` returns).
    func receiveHeaderLine(_ line: UnsafeRawBufferPointer) {
        guard !headReady else { return }  // trailers
        var end = line.count
        while end > 0, line[end - 1] == UInt8(ascii: "\n") || line[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        if end == 0 {
            // End of a header block: a proxy's CONNECT answer (before the request went out), a 1xx, or the head.
            if !requestSent || (parsedStatus >= 100 && parsedStatus < 200) {
                parsedStatus = 0
                rawHeaderBytes.removeAll(keepingCapacity: true)
                return
            }
            if parsedStatus > 0 { markHeadReady() }
            return
        }
        if end >= 5, line.starts(with: "HTTP/".utf8) {
            parsedStatus = Self.statusCode(in: UnsafeRawBufferPointer(rebasing: line[0..<end]))
            parsedVersion = Self.version(in: UnsafeRawBufferPointer(rebasing: line[0..<end]))
            rawHeaderBytes.removeAll(keepingCapacity: true)
            return
        }
        rawHeaderBytes.append(contentsOf: line)
    }

    /// Marks the head complete and queues it for delivery at the end of this `curl_multi_perform` round (or at the
    /// first body bytes, if the body continues past them).
    func markHeadReady() {
        guard !headReady else { return }
        headReady = true
        if let easy {
            var length: curl_off_t = -1
            _ = swy_easy_getinfo_off_t(easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length)
            expectedRemaining = length >= 0 ? Int(length) : nil
        }
        loop.headBecameReady(self)
    }

    /// Hands the ready head to the caller, once. Multi thread only.
    func sendHeadIfReady() {
        guard !headSent else { return }
        headSent = true
        var status = parsedStatus
        if status == 0, let easy {
            _ = swy_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        }
        let head = ReceivedHead(status: status, headerBytes: rawHeaderBytes, version: parsedStatus > 0 ? parsedVersion : nil)
        rawHeaderBytes = []
        deliverHead(head)
    }

    /// The version in a status line: `HTTP/1.1 200 OK` gives 1.1, `HTTP/2 200` gives 2.0 (libcurl writes an
    /// HTTP/2 or HTTP/3 head in that form too). `nil` if the line does not start with `HTTP/<digit>`.
    static func version(in line: UnsafeRawBufferPointer) -> HTTPVersion? {
        let prefix = 5  // "HTTP/"
        func digit(at index: Int) -> Int? {
            guard index < line.count, line[index] >= UInt8(ascii: "0"), line[index] <= UInt8(ascii: "9") else { return nil }
            return Int(line[index] - UInt8(ascii: "0"))
        }
        guard let major = digit(at: prefix) else { return nil }
        guard prefix + 1 < line.count, line[prefix + 1] == UInt8(ascii: "."), let minor = digit(at: prefix + 2) else {
            return HTTPVersion(major: major, minor: 0)
        }
        return HTTPVersion(major: major, minor: minor)
    }

    /// The three-digit code after the protocol in a status line such as `HTTP/1.1 200 OK` or `HTTP/2 200`.
    static func statusCode(in line: UnsafeRawBufferPointer) -> Int {
        guard let space = line.firstIndex(of: UInt8(ascii: " ")) else { return 0 }
        var code = 0
        var index = space + 1
        var digits = 0
        while index < line.count, digits < 3, line[index] >= UInt8(ascii: "0"), line[index] <= UInt8(ascii: "9") {
            code = code * 10 + Int(line[index] - UInt8(ascii: "0"))
            index += 1
            digits += 1
        }
        return digits == 3 ? code : 0
    }
}

extension ReceivedHead {
    /// The header fields, in order. Runs on the caller's task, off the multi thread.
    var headers: HTTPHeaders {
        var fields: [(name: String, value: String)] = []
        headerBytes.withUnsafeBytes { bytes in
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                let next = lineEnd + 1
                while lineEnd > lineStart, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
                Self.parseField(UnsafeRawBufferPointer(rebasing: bytes[lineStart..<lineEnd]), into: &fields)
                lineStart = next
            }
        }
        return HTTPHeaders(fields)
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    private static func parseField(_ line: UnsafeRawBufferPointer, into fields: inout [(name: String, value: String)]) {
        guard let first = line.first else { return }
        if isBlank(first) {
            // Obsolete line folding: continue the previous value.
            if let last = fields.indices.last {
                let more = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces)
                fields[last].value += " " + more
            }
            return
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return }
        var valueStart = colon + 1
        var valueEnd = line.count
        while valueStart < valueEnd, isBlank(line[valueStart]) { valueStart += 1 }
        while valueEnd > valueStart, isBlank(line[valueEnd - 1]) { valueEnd -= 1 }
        fields.append(
            (
                name: String(decoding: UnsafeRawBufferPointer(rebasing: line[0..<colon]), as: UTF8.self),
                value: String(decoding: UnsafeRawBufferPointer(rebasing: line[valueStart..<valueEnd]), as: UTF8.self)
            )
        )
    }

    /// The announced body length, if any.
    func contentLength(in headers: HTTPHeaders) -> Int? {
        guard let value = headers.values(for: "content-length").last else { return nil }
        let digits = value.utf8.drop { $0 == 0x20 || $0 == 0x09 }.prefix { $0 != 0x20 && $0 != 0x09 }
        return Int(Substring(digits))
    }
}
