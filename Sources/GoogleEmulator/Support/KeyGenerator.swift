import Dispatch
import SwitchyardCrypto

/// Generates the RSA keys of minted service accounts on one dedicated serial queue, never on Swift concurrency's
/// cooperative pool.
///
/// A 2048-bit key takes 0.1–0.5 s of uninterrupted CPU. Tests start an emulator and mint an account each, all at once;
/// run on the pool (one thread per core), those generations would hold every pool thread for seconds, and the
/// emulators' own request handlers, timers and deadlines in the same process would wait behind them. One queue keeps
/// the pool free and bounds the CPU the generations take at any moment to one core.
enum KeyGenerator {
    private static let queue = DispatchQueue(label: "switchyard.google-emulator.key-generation")

    /// A fresh RSA key of `bits` bits, generated on the dedicated queue.
    /// - Throws: ``CryptoError`` when generation fails.
    static func rsaKey(bits: Int) async throws -> RSAPrivateKey {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try RSAPrivateKey.generate(bits: bits) }) }
        }
    }
}
