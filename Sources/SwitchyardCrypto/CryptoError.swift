import COpenSSL

/// A failure in key handling or signing, with OpenSSL's own reason where it gave one.
///
/// Messages never contain key material.
public struct CryptoError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable kind of failure.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's stable name.
        public let rawValue: String
        /// Creates a code from its name.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The key text could not be loaded as an RSA key.
        public static let invalidKey = Code(rawValue: "invalid_key")
        /// Generating a key failed.
        public static let keyGeneration = Code(rawValue: "key_generation")
        /// Signing failed.
        public static let signing = Code(rawValue: "signing")
        /// Writing a key as PEM failed.
        public static let encoding = Code(rawValue: "encoding")

        /// A readable form, for logs and messages.
        public var description: String { rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong.
    public var message: String

    /// Creates an error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// A readable form, for logs and messages.
    public var description: String { "\(code): \(message)" }

    static func fromOpenSSL(_ code: Code) -> CryptoError {
        CryptoError(code: code, message: drainOpenSSLErrors())
    }

    /// Reads and clears OpenSSL's error queue for this thread.
    static func drainOpenSSLErrors() -> String {
        var reasons: [String] = []
        while case let error = ERR_get_error(), error != 0 {
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(error, &buffer, buffer.count)
            reasons.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return reasons.isEmpty ? "OpenSSL gave no reason" : reasons.joined(separator: "; ")
    }
}
