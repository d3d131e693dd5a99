import Foundation

extension CurlTransport {
    /// Settings for a ``CurlTransport``. Every field has a production-ready default.
    public struct Configuration: Sendable {
        /// How long connecting (TCP plus TLS) may take, unless a request says otherwise. Default 10 s.
        public var connectTimeout: Duration
        /// How long a whole exchange may take, body included, unless a request says otherwise.
        /// `nil` (the default) means no limit, which suits long streams; set it per request where a bound is wanted.
        public var totalTimeout: Duration?
        /// How long a response may go without a new byte once its head has arrived, unless a request says otherwise.
        /// Default 300 s; `nil` means no limit. Time spent paused because the consumer is slow does not count.
        public var idleTimeout: Duration?
        /// The most connections open to one host at a time (`CURLMOPT_MAX_HOST_CONNECTIONS`); further transfers queue.
        /// `0` means no cap. Default 64.
        public var maxConnectionsPerHost: Int
        /// The most connections open in total (`CURLMOPT_MAX_TOTAL_CONNECTIONS`); `0` means no cap. Default 0.
        public var maxTotalConnections: Int
        /// Whether to offer HTTP/2 over TLS (and multiplex transfers on one connection). Plain `http://` always uses
        /// HTTP/1.1 with keep-alive. Default `true`.
        public var http2: Bool
        /// Whether to verify the server's TLS certificate and host name. Default `true`; turn off only for tests.
        public var verifyTLS: Bool
        /// A PEM bundle of trusted certificate authorities (`CURLOPT_CAINFO`); `nil` uses libcurl's built-in default.
        public var caFile: String?
        /// A directory of hashed CA certificates (`CURLOPT_CAPATH`); `nil` uses libcurl's built-in default.
        public var caDirectory: String?
        /// Which proxy to use. Default ``Proxy/environment``.
        public var proxy: Proxy
        /// The most response-body bytes buffered per transfer before the transfer pauses until the consumer reads.
        /// Default 1 MiB. One network read (up to ``receiveBufferSize``) may go past it.
        public var bodyBufferLimit: Int
        /// The size of libcurl's receive buffer per transfer (`CURLOPT_BUFFERSIZE`). Default 64 KiB.
        public var receiveBufferSize: Int
        /// The `User-Agent` sent when a request has none. Default `switchyard`.
        public var userAgent: String

        /// Creates a configuration; every argument has a default.
        public init(
            connectTimeout: Duration = .seconds(10),
            totalTimeout: Duration? = nil,
            idleTimeout: Duration? = .seconds(300),
            maxConnectionsPerHost: Int = 64,
            maxTotalConnections: Int = 0,
            http2: Bool = true,
            verifyTLS: Bool = true,
            caFile: String? = nil,
            caDirectory: String? = nil,
            proxy: Proxy = .environment,
            bodyBufferLimit: Int = 1 << 20,
            receiveBufferSize: Int = 64 << 10,
            userAgent: String = "switchyard"
        ) {
            self.connectTimeout = connectTimeout
            self.totalTimeout = totalTimeout
            self.idleTimeout = idleTimeout
            self.maxConnectionsPerHost = maxConnectionsPerHost
            self.maxTotalConnections = maxTotalConnections
            self.http2 = http2
            self.verifyTLS = verifyTLS
            self.caFile = caFile
            self.caDirectory = caDirectory
            self.proxy = proxy
            self.bodyBufferLimit = bodyBufferLimit
            self.receiveBufferSize = receiveBufferSize
            self.userAgent = userAgent
        }
    }

    /// Where requests go through a proxy.
    public enum Proxy: Sendable, Hashable {
        /// Read the proxy from the environment when the transport is created: `https_proxy`/`HTTPS_PROXY` for
        /// `https://` URLs, `http_proxy`/`HTTP_PROXY` for `http://` URLs, `all_proxy`/`ALL_PROXY` for either,
        /// and `no_proxy`/`NO_PROXY` for hosts to reach directly. Lower-case names win, as in libcurl.
        case environment
        /// Never use a proxy, whatever the environment says.
        case none
        /// Use this proxy URL (e.g. `http://proxy.internal:3128`) for every request, except hosts in `noProxy`
        /// (a comma-separated list of host names, domains or IP addresses, as `NO_PROXY`).
        case url(String, noProxy: String? = nil)
    }
}

/// The proxy decision for one transport, resolved once from ``CurlTransport/Proxy``.
struct ResolvedProxy: Sendable, Hashable {
    /// The proxy for `http://` URLs, or `nil` to go direct.
    var http: String?
    /// The proxy for `https://` URLs, or `nil` to go direct.
    var https: String?
    /// Hosts reached directly (`CURLOPT_NOPROXY`).
    var noProxy: String?

    init(http: String?, https: String?, noProxy: String?) {
        self.http = http
        self.https = https
        self.noProxy = noProxy
    }

    init(_ proxy: CurlTransport.Proxy, environment: [String: String] = ProcessInfo.processInfo.environment) {
        switch proxy {
        case .none:
            self.init(http: nil, https: nil, noProxy: nil)
        case .url(let url, let noProxy):
            self.init(http: url, https: url, noProxy: noProxy)
        case .environment:
            func lookup(_ name: String) -> String? {
                for key in [name.lowercased(), name.uppercased()] {
                    if let value = environment[key], !value.isEmpty { return value }
                }
                return nil
            }
            let all = lookup("all_proxy")
            self.init(
                http: lookup("http_proxy") ?? all,
                https: lookup("https_proxy") ?? all,
                noProxy: lookup("no_proxy")
            )
        }
    }

    /// The proxy for a URL, by its scheme; `nil` means go direct.
    func proxy(forURL url: String) -> String? {
        let lower = url.prefix(8).lowercased()
        if lower.hasPrefix("https://") { return https }
        if lower.hasPrefix("http://") { return http }
        return nil
    }
}
