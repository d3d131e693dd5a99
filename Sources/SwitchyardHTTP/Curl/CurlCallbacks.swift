import CCurl
import Foundation

/// The C callbacks libcurl calls on the multi thread. Each gets its ``CurlTransfer`` through an unretained
/// `Unmanaged` pointer: the multi loop holds a strong reference for as long as the handle is in the multi handle,
/// and libcurl calls these only from `curl_multi_perform` / `curl_easy_pause` on that thread.
enum CurlCallbacks {
    static func transfer(_ userdata: UnsafeMutableRawPointer?) -> CurlTransfer? {
        guard let userdata else { return nil }
        return Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
    }

    /// `CURLOPT_WRITEFUNCTION`: body bytes.
    static let write: swy_curl_data_callback = { buffer, size, count, userdata in
        let length = size * count
        guard let transfer = transfer(userdata) else { return 0 }
        if !transfer.headSent { transfer.deliverParsedHead() }
        transfer.lastActivity = MonotonicClock.now()
        guard length > 0, let buffer else { return length }
        switch transfer.deliverBody(UnsafeRawBufferPointer(start: buffer, count: length)) {
        case .accepted:
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
        transfer.parseHeaderLine(UnsafeRawBufferPointer(start: buffer, count: length))
        return length
    }

    /// `CURLOPT_PREREQFUNCTION`: the connection (and any proxy tunnel) is up and the request is about to go out.
    static let prerequest: swy_curl_prereq_callback = { userdata, _, _, _, _ in
        transfer(userdata)?.requestSent = true
        return 0
    }
}

extension CurlTransfer {
    /// Parses one header line; on the blank line that ends the final (non-1xx) head, hands the head to the caller.
    func parseHeaderLine(_ line: UnsafeRawBufferPointer) {
        guard !headSent else { return }  // trailers
        var end = line.count
        while end > 0, line[end - 1] == UInt8(ascii: "\n") || line[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        if end == 0 {
            // End of a header block.
            guard requestSent else {
                parsedStatus = 0
                parsedHeaders.removeAll()
                return
            }
            if parsedStatus >= 100, parsedStatus < 200 {
                parsedStatus = 0
                parsedHeaders.removeAll()
                return
            }
            if parsedStatus > 0 { deliverParsedHead() }
            return
        }
        let bytes = UnsafeRawBufferPointer(rebasing: line[0..<end])
        if bytes.count >= 5, bytes.starts(with: "HTTP/".utf8) {
            parsedStatus = Self.statusCode(in: bytes)
            parsedHeaders.removeAll()
            return
        }
        if let first = bytes.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
            // Obsolete line folding: continue the previous value.
            if let last = parsedHeaders.indices.last {
                let more = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
                parsedHeaders[last].value += " " + more
            }
            return
        }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return }
        let name = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[0..<colon]), as: UTF8.self)
        var valueStart = colon + 1
        var valueEnd = bytes.count
        while valueStart < valueEnd, bytes[valueStart] == UInt8(ascii: " ") || bytes[valueStart] == UInt8(ascii: "\t") {
            valueStart += 1
        }
        while valueEnd > valueStart, bytes[valueEnd - 1] == UInt8(ascii: " ") || bytes[valueEnd - 1] == UInt8(ascii: "\t") {
            valueEnd -= 1
        }
        let value = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[valueStart..<valueEnd]), as: UTF8.self)
        parsedHeaders.append((name: name, value: value))
    }

    /// Hands the head parsed so far to the caller.
    func deliverParsedHead() {
        var status = parsedStatus
        if status == 0, let easy {
            var code = 0
            _ = swy_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &code)
            status = code
        }
        let guardian = CurlTransferGuard(transfer: self)
        let contentLength = parsedHeaders.last { $0.name.caseInsensitiveCompare("content-length") == .orderedSame }
            .flatMap { Int($0.value) }
        expectedRemaining = contentLength
        let response = HTTPResponse(
            status: status,
            headers: HTTPHeaders(parsedHeaders),
            body: HTTPResponseBody(
                CurlResponseBodySequence(guardian: guardian),
                lengthHint: contentLength,
                collector: { maxBytes in
                    try await guardian.transfer.collectRemaining(upTo: maxBytes, lengthHint: contentLength)
                }
            )
        )
        parsedHeaders = []
        deliverHead(response)
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
