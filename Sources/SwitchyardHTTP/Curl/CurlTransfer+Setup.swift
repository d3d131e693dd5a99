import CCurl
import Foundation

extension CurlTransfer {
    /// Creates the easy handle and sets every option for `request`. Runs on the submitting task, before the
    /// transfer is handed to the multi thread.
    /// - Throws: ``HTTPTransportError`` with code `invalidRequest` naming the offending field.
    func configure(
        for request: HTTPRequest,
        configuration: CurlTransport.Configuration,
        proxy: ResolvedProxy
    ) throws(HTTPTransportError) {
        guard let easy = loop.makeEasyHandle() else {
            throw HTTPTransportError(code: .other, message: "curl_easy_init failed")
        }
        self.easy = easy
        let scheme = Self.scheme(of: request.url)
        guard scheme != nil else {
            throw HTTPTransportError(code: .invalidRequest, message: "url: only http:// and https:// URLs are supported")
        }
        guard !request.url.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else {
            throw HTTPTransportError(code: .invalidRequest, message: "url: contains whitespace or control characters")
        }
        isTLS = scheme == "https"
        let context = Unmanaged.passUnretained(self).toOpaque()

        try check(swy_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1), "nosignal")
        try check(swy_easy_setopt_string(easy, CURLOPT_URL, request.url), "url")
        try check(swy_easy_setopt_pointer(easy, CURLOPT_PRIVATE, context), "private")
        try check(swy_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer), "errorbuffer")
        try check(swy_easy_setopt_data_callback(easy, CURLOPT_WRITEFUNCTION, CurlCallbacks.write), "write")
        try check(swy_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, context), "writedata")
        try check(swy_easy_setopt_data_callback(easy, CURLOPT_HEADERFUNCTION, CurlCallbacks.header), "header")
        try check(swy_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, context), "headerdata")
        try check(swy_easy_setopt_prereq_callback(easy, CURLOPT_PREREQFUNCTION, CurlCallbacks.prerequest), "prereq")
        try check(swy_easy_setopt_pointer(easy, CURLOPT_PREREQDATA, context), "prereqdata")
        try check(swy_easy_setopt_long(easy, CURLOPT_TCP_KEEPALIVE, 1), "tcp_keepalive")
        _ = swy_easy_setopt_long(easy, CURLOPT_BUFFERSIZE, max(1024, configuration.receiveBufferSize))

        // Method and body.
        let method = request.method.rawValue
        guard !method.isEmpty, method.utf8.allSatisfy(Self.isTokenByte) else {
            throw HTTPTransportError(code: .invalidRequest, message: "method: \"\(method)\" is not a valid HTTP method")
        }
        if let body = request.body {
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, body.count), alignment: 1)
            body.withUnsafeBytes { bytes in buffer.copyMemory(from: bytes) }
            requestBody = buffer
            try check(swy_easy_setopt_off_t(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)), "body size")
            try check(swy_easy_setopt_pointer(easy, CURLOPT_POSTFIELDS, buffer.baseAddress), "body")
            if method != "POST" {
                try check(swy_easy_setopt_string(easy, CURLOPT_CUSTOMREQUEST, method), "method")
            }
        } else {
            switch method {
            case "GET":
                break
            case "HEAD":
                try check(swy_easy_setopt_long(easy, CURLOPT_NOBODY, 1), "method")
            default:
                try check(swy_easy_setopt_string(easy, CURLOPT_CUSTOMREQUEST, method), "method")
            }
        }

        // Protocol and connection reuse.
        let httpVersion = configuration.http2 ? swy_http_version_2tls() : swy_http_version_1_1()
        try check(swy_easy_setopt_long(easy, CURLOPT_HTTP_VERSION, httpVersion), "http version")
        if configuration.http2, isTLS {
            // Wait for a connection that may multiplex rather than opening a second one.
            _ = swy_easy_setopt_long(easy, CURLOPT_PIPEWAIT, 1)
        }

        // Timeouts.
        connectTimeout = request.timeouts.connect ?? configuration.connectTimeout
        totalTimeout = request.timeouts.total ?? configuration.totalTimeout
        idleTimeout = request.timeouts.idle ?? configuration.idleTimeout
        try check(swy_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, connectTimeout.curlMilliseconds), "connect timeout")
        if let totalTimeout {
            try check(swy_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, totalTimeout.curlMilliseconds), "total timeout")
        }
        idleLimit = idleTimeout.map(\.nanosecondsClamped)

        // TLS.
        try check(swy_easy_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, configuration.verifyTLS ? 1 : 0), "verify peer")
        try check(swy_easy_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, configuration.verifyTLS ? 2 : 0), "verify host")
        if let caFile = configuration.caFile {
            try check(swy_easy_setopt_string(easy, CURLOPT_CAINFO, caFile), "caFile")
        }
        if let caDirectory = configuration.caDirectory {
            try check(swy_easy_setopt_string(easy, CURLOPT_CAPATH, caDirectory), "caDirectory")
        }

        // Proxy: always explicit, so libcurl never consults the environment on its own.
        try check(swy_easy_setopt_string(easy, CURLOPT_PROXY, proxy.proxy(forURL: request.url) ?? ""), "proxy")
        // Always set, so libcurl does not fall back to reading `no_proxy` from the environment itself.
        try check(swy_easy_setopt_string(easy, CURLOPT_NOPROXY, proxy.noProxy ?? ""), "noProxy")

        // Headers, in order, exactly as given; suppress the ones libcurl would add on its own.
        var list: UnsafeMutablePointer<curl_slist>?
        var hasUserAgent = false
        var hasExpect = false
        var hasAccept = false
        var hasContentType = false
        for field in request.headers {
            guard !field.name.isEmpty, field.name.utf8.allSatisfy(Self.isTokenByte) else {
                curl_slist_free_all(list)
                throw HTTPTransportError(code: .invalidRequest, message: "header \"\(Self.printable(field.name))\": invalid name")
            }
            guard !field.value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 }) else {
                curl_slist_free_all(list)
                throw HTTPTransportError(code: .invalidRequest, message: "header \"\(field.name)\": value contains CR, LF or NUL")
            }
            if HTTPHeaders.namesMatch(field.name, "user-agent") {
                hasUserAgent = true
            } else if HTTPHeaders.namesMatch(field.name, "expect") {
                hasExpect = true
            } else if HTTPHeaders.namesMatch(field.name, "accept") {
                hasAccept = true
            } else if HTTPHeaders.namesMatch(field.name, "content-type") {
                hasContentType = true
            }
            let line = field.value.isEmpty ? "\(field.name);" : "\(field.name): \(field.value)"
            list = curl_slist_append(list, line)
        }
        if !hasExpect { list = curl_slist_append(list, "Expect:") }
        if !hasAccept { list = curl_slist_append(list, "Accept:") }
        if !hasContentType, request.body != nil || method == "POST" { list = curl_slist_append(list, "Content-Type:") }
        headerList = list
        try check(swy_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, list), "headers")
        if !hasUserAgent, !configuration.userAgent.isEmpty {
            try check(swy_easy_setopt_string(easy, CURLOPT_USERAGENT, configuration.userAgent), "userAgent")
        }
    }

    private func check(_ code: CURLcode, _ field: String) throws(HTTPTransportError) {
        guard code == CURLE_OK else {
            let message = String(cString: curl_easy_strerror(code))
            throw HTTPTransportError(code: .invalidRequest, message: "\(field): \(message)")
        }
    }

    /// Whether a byte may appear in an HTTP token (method or header name), per RFC 9110.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "'"),
            UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "_"),
            UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// A header name safe to put in an error message.
    private static func printable(_ name: String) -> String {
        String(name.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F ? Character($0) : "?" }.prefix(64))
    }

    /// `http` or `https` when the URL starts with `http://` or `https://` (any case), else `nil`.
    static func scheme(of url: String) -> String? {
        var bytes = url.utf8.makeIterator()
        var scheme: [UInt8] = []
        while let byte = bytes.next(), scheme.count <= 5 {
            if byte == UInt8(ascii: ":") {
                guard bytes.next() == UInt8(ascii: "/"), bytes.next() == UInt8(ascii: "/") else { return nil }
                let name = String(decoding: scheme, as: UTF8.self)
                return name == "http" || name == "https" ? name : nil
            }
            scheme.append(byte | (byte &- 0x41 < 26 ? 0x20 : 0))
        }
        return nil
    }
}
