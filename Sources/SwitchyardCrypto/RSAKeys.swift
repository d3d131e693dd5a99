import COpenSSL
import Foundation

/// An RSA private key held by OpenSSL.
///
/// The key's material stays inside OpenSSL; nothing here prints or logs it.
public struct RSAPrivateKey: Sendable {
    let key: OpenSSLKey

    /// Loads a PEM private key: PKCS#8 (`BEGIN PRIVATE KEY`) or PKCS#1 (`BEGIN RSA PRIVATE KEY`).
    /// - Throws: ``CryptoError`` with code `invalidKey` when the text is not an unencrypted RSA private key.
    public init(pem: String) throws {
        let bio = try MemoryBIO(readingFrom: Array(pem.utf8))
        guard let pkey = PEM_read_bio_PrivateKey(bio.pointer, nil, nil, nil) else {
            throw CryptoError(code: .invalidKey, message: "not a PEM RSA private key (\(CryptoError.drainOpenSSLErrors()))")
        }
        guard EVP_PKEY_get_base_id(pkey) == EVP_PKEY_RSA else {
            EVP_PKEY_free(pkey)
            throw CryptoError(code: .invalidKey, message: "the PEM key is not an RSA key")
        }
        self.key = OpenSSLKey(pkey)
    }

    init(key: OpenSSLKey) {
        self.key = key
    }

    /// Generates a new key.
    /// - Parameter bits: The modulus size; 2048 is what Google issues.
    public static func generate(bits: Int = 2048) throws -> RSAPrivateKey {
        guard let context = EVP_PKEY_CTX_new_id(EVP_PKEY_RSA, nil) else {
            throw CryptoError.fromOpenSSL(.keyGeneration)
        }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_keygen_init(context) == 1, swy_EVP_PKEY_CTX_set_rsa_keygen_bits(context, Int32(bits)) == 1 else {
            throw CryptoError.fromOpenSSL(.keyGeneration)
        }
        var pkey: OpaquePointer?
        guard EVP_PKEY_keygen(context, &pkey) == 1, let pkey else {
            throw CryptoError.fromOpenSSL(.keyGeneration)
        }
        return RSAPrivateKey(key: OpenSSLKey(pkey))
    }

    /// The key as unencrypted PKCS#8 PEM (`BEGIN PRIVATE KEY`), the form in Google's key files.
    public func pkcs8PEM() throws -> String {
        let bio = try MemoryBIO()
        guard PEM_write_bio_PKCS8PrivateKey(bio.pointer, key.pointer, nil, nil, 0, nil, nil) == 1 else {
            throw CryptoError.fromOpenSSL(.encoding)
        }
        return bio.string()
    }

    /// The key as PKCS#1 PEM (`BEGIN RSA PRIVATE KEY`), the older form some tools write.
    public func pkcs1PEM() throws -> String {
        let bio = try MemoryBIO()
        guard PEM_write_bio_PrivateKey_traditional(bio.pointer, key.pointer, nil, nil, 0, nil, nil) == 1 else {
            throw CryptoError.fromOpenSSL(.encoding)
        }
        return bio.string()
    }

    /// The matching public key.
    public var publicKey: RSAPublicKey {
        RSAPublicKey(key: key)
    }

    /// The modulus size in bits.
    public var bits: Int { Int(EVP_PKEY_get_bits(key.pointer)) }

    /// Signs with RSASSA-PKCS1-v1_5 over SHA-256 (JWT `RS256`).
    ///
    /// The result is always exactly the modulus size (256 bytes for RSA-2048), leading zeros included.
    public func signSHA256<Bytes: Collection>(_ message: Bytes) throws -> [UInt8] where Bytes.Element == UInt8 {
        guard let context = EVP_MD_CTX_new() else { throw CryptoError.fromOpenSSL(.signing) }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestSignInit(context, nil, EVP_sha256(), nil, key.pointer) == 1 else {
            throw CryptoError.fromOpenSSL(.signing)
        }
        let bytes = Array(message)
        var length = 0
        guard EVP_DigestSign(context, nil, &length, bytes, bytes.count) == 1 else {
            throw CryptoError.fromOpenSSL(.signing)
        }
        var signature = [UInt8](repeating: 0, count: length)
        guard EVP_DigestSign(context, &signature, &length, bytes, bytes.count) == 1 else {
            throw CryptoError.fromOpenSSL(.signing)
        }
        return Array(signature.prefix(length))
    }
}

/// An RSA public key held by OpenSSL.
public struct RSAPublicKey: Sendable {
    let key: OpenSSLKey

    init(key: OpenSSLKey) {
        self.key = key
    }

    /// Loads a PEM public key (`BEGIN PUBLIC KEY`, SubjectPublicKeyInfo).
    /// - Throws: ``CryptoError`` with code `invalidKey`.
    public init(pem: String) throws {
        let bio = try MemoryBIO(readingFrom: Array(pem.utf8))
        guard let pkey = PEM_read_bio_PUBKEY(bio.pointer, nil, nil, nil) else {
            throw CryptoError(code: .invalidKey, message: "not a PEM public key (\(CryptoError.drainOpenSSLErrors()))")
        }
        guard EVP_PKEY_get_base_id(pkey) == EVP_PKEY_RSA else {
            EVP_PKEY_free(pkey)
            throw CryptoError(code: .invalidKey, message: "the PEM key is not an RSA key")
        }
        self.key = OpenSSLKey(pkey)
    }

    /// The key as PEM (`BEGIN PUBLIC KEY`).
    public func pem() throws -> String {
        let bio = try MemoryBIO()
        guard PEM_write_bio_PUBKEY(bio.pointer, key.pointer) == 1 else {
            throw CryptoError.fromOpenSSL(.encoding)
        }
        return bio.string()
    }

    /// The modulus size in bits.
    public var bits: Int { Int(EVP_PKEY_get_bits(key.pointer)) }

    /// Checks an RSASSA-PKCS1-v1_5 SHA-256 signature (JWT `RS256`).
    /// - Returns: `true` only when the signature is valid for this key and message.
    public func verifySHA256<Message: Collection, Signature: Collection>(
        signature: Signature,
        message: Message
    ) -> Bool where Message.Element == UInt8, Signature.Element == UInt8 {
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestVerifyInit(context, nil, EVP_sha256(), nil, key.pointer) == 1 else {
            ERR_clear_error()
            return false
        }
        let messageBytes = Array(message)
        let signatureBytes = Array(signature)
        let result = EVP_DigestVerify(context, signatureBytes, signatureBytes.count, messageBytes, messageBytes.count)
        ERR_clear_error()
        return result == 1
    }
}

/// Owns one `EVP_PKEY`. OpenSSL 3 allows concurrent signing and verifying with one key.
final class OpenSSLKey: @unchecked Sendable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        EVP_PKEY_free(pointer)
    }
}

/// An OpenSSL memory BIO, freed when it goes away.
final class MemoryBIO {
    let pointer: OpaquePointer

    init() throws {
        guard let bio = BIO_new(BIO_s_mem()) else { throw CryptoError.fromOpenSSL(.encoding) }
        self.pointer = bio
    }

    convenience init(readingFrom bytes: [UInt8]) throws {
        try self.init()
        let written = bytes.withUnsafeBytes { BIO_write(pointer, $0.baseAddress, Int32($0.count)) }
        guard written == bytes.count else { throw CryptoError.fromOpenSSL(.invalidKey) }
    }

    func string() -> String {
        var data: UnsafeMutablePointer<CChar>?
        let length = swy_BIO_get_mem_data(pointer, &data)
        guard let data, length > 0 else { return "" }
        return data.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }

    deinit {
        BIO_free(pointer)
    }
}
