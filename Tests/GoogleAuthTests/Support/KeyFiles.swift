import Foundation
import SwitchyardCrypto

/// Builds credential files in a fresh temporary directory for one test, and removes them after.
final class TemporaryDirectory: Sendable {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "switchyard-auth-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `data` to `name` inside the directory (creating subdirectories) and returns the full path.
    @discardableResult
    func write(_ data: Data, to name: String) throws -> String {
        let full = (path as NSString).appendingPathComponent(name)
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true
        )
        try data.write(to: URL(fileURLWithPath: full))
        return full
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Service-account key JSON with a freshly generated key, every field of a real key file.
enum KeyFiles {
    /// One RSA-2048 key generated per test process, shared by tests that need some valid key but not a distinct one
    /// (generation takes a few hundred milliseconds on a small machine).
    static let sharedKey: RSAPrivateKey? = try? RSAPrivateKey.generate()

    /// ``sharedKey`` as PKCS#8 PEM.
    static func sharedPKCS8() throws -> String {
        guard let key = sharedKey else { throw CryptoError(code: .keyGeneration, message: "generating the shared test key failed") }
        return try key.pkcs8PEM()
    }

    static func serviceAccountObject(
        email: String = "unit-test@switchyard-test.iam.gserviceaccount.com",
        tokenURI: String = "https://oauth2.googleapis.com/token",
        pem: String
    ) -> [String: Any] {
        [
            "type": "service_account",
            "project_id": "switchyard-test",
            "private_key_id": "00112233445566778899aabbccddeeff00112233",
            "private_key": pem,
            "client_email": email,
            "client_id": "109876543210987654321",
            "auth_uri": "https://accounts.google.com/o/oauth2/auth",
            "token_uri": tokenURI,
            "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",
            "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/unit-test%40switchyard-test.iam.gserviceaccount.com",
            "universe_domain": "googleapis.com",
        ]
    }

    static func json(_ object: [String: Any]) throws -> Data {
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    /// The base64 body lines of a PEM (what must never leak), at least one long line.
    static func secretLines(of pem: String) -> [String] {
        pem.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("-----") && $0.count >= 40 }
    }
}
