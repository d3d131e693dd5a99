import Foundation

/// Moves one HTTP exchange: the seam between Switchyard and the network.
///
/// Providers and credentials talk to Google only through this protocol, so they never see libcurl.
/// ``CurlTransport`` is the production implementation.
public protocol HTTPTransport: Sendable {
    /// Sends a request and returns as soon as the status line and headers have arrived.
    ///
    /// The body then arrives through the returned response's ``HTTPResponse/body``.
    /// Cancelling the calling task aborts the transfer.
    /// - Throws: ``HTTPTransportError`` when no response head could be read.
    func execute(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// An HTTP method.
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The method's name as sent on the wire.
    public let rawValue: String
    /// Creates a method from its wire name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `GET`.
    public static let get = HTTPMethod(rawValue: "GET")
    /// `POST`.
    public static let post = HTTPMethod(rawValue: "POST")
    /// `PUT`.
    public static let put = HTTPMethod(rawValue: "PUT")
    /// `PATCH`.
    public static let patch = HTTPMethod(rawValue: "PATCH")
    /// `DELETE`.
    public static let delete = HTTPMethod(rawValue: "DELETE")
    /// `HEAD`.
    public static let head = HTTPMethod(rawValue: "HEAD")

    /// A readable form, for logs and messages.
    public var description: String { rawValue }
}

/// HTTP header fields in order; names compare case-insensitively.
public struct HTTPHeaders: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// The fields in the order they were added or received.
    public private(set) var fields: [(name: String, value: String)]

    /// Creates headers from ordered fields.
    public init(_ fields: [(name: String, value: String)] = []) {
        self.fields = fields
    }

    /// Creates headers from a literal, keeping the literal's order.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.fields = elements.map { (name: $0.0, value: $0.1) }
    }

    /// Appends a field, keeping any existing field of the same name.
    public mutating func add(name: String, value: String) {
        fields.append((name, value))
    }

    /// Replaces every field of this name with one field.
    public mutating func replaceOrAdd(name: String, value: String) {
        remove(name: name)
        fields.append((name, value))
    }

    /// Removes every field of this name.
    public mutating func remove(name: String) {
        fields.removeAll { Self.namesMatch($0.name, name) }
    }

    /// The first value of a field, or `nil`.
    public subscript(name: String) -> String? {
        fields.first { Self.namesMatch($0.name, name) }?.value
    }

    /// Every value of a field, in order.
    public func values(for name: String) -> [String] {
        fields.filter { Self.namesMatch($0.name, name) }.map(\.value)
    }

    /// Whether two field names are equal ignoring ASCII case (field names are ASCII tokens, RFC 9110 §5.1).
    /// Foundation's `caseInsensitiveCompare` is locale-aware and was a visible cost on every request.
    static func namesMatch(_ lhs: String, _ rhs: String) -> Bool {
        // Lengths first (constant time for native strings): most names compared are not the one looked for.
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        var left = lhs.utf8.makeIterator()
        var right = rhs.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return true
            case (let a?, let b?):
                if a == b { continue }
                let lowerA = a &- 0x41 < 26 ? a | 0x20 : a
                let lowerB = b &- 0x41 < 26 ? b | 0x20 : b
                if lowerA != lowerB { return false }
            default: return false
            }
        }
    }

    /// Iterates the fields in order.
    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        fields.makeIterator()
    }

    /// Whether both hold the same members in the same order.
    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.count == rhs.fields.count
            && zip(lhs.fields, rhs.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    /// Hashes the members in order.
    public func hash(into hasher: inout Hasher) {
        for field in fields {
            hasher.combine(field.name.lowercased())
            hasher.combine(field.value)
        }
    }
}

/// One outbound HTTP request.
public struct HTTPRequest: Sendable {
    /// The method.
    public var method: HTTPMethod
    /// The absolute URL, e.g. `https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent`.
    public var url: String
    /// The header fields.
    public var headers: HTTPHeaders
    /// The body bytes, or `nil` for none.
    public var body: Data?
    /// Per-request timeouts; `nil` fields fall back to the transport's configuration.
    public var timeouts: HTTPTimeouts

    /// Creates a request.
    public init(
        method: HTTPMethod,
        url: String,
        headers: HTTPHeaders = [:],
        body: Data? = nil,
        timeouts: HTTPTimeouts = HTTPTimeouts()
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeouts = timeouts
    }
}

/// Timeouts for one exchange. Each one that fires is reported as its own error kind.
public struct HTTPTimeouts: Sendable, Hashable {
    /// How long connecting (TCP and TLS) may take.
    public var connect: Duration?
    /// How long the whole exchange may take, body included.
    public var total: Duration?
    /// How long the body may go without a new byte (for streams).
    public var idle: Duration?

    /// Creates timeouts; `nil` means "use the transport's default".
    public init(connect: Duration? = nil, total: Duration? = nil, idle: Duration? = nil) {
        self.connect = connect
        self.total = total
        self.idle = idle
    }
}
