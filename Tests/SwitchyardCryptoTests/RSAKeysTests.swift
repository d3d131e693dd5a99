import Foundation
import SwitchyardCrypto
import Testing

@Suite("RSA keys on OpenSSL")
struct RSAKeysTests {
    @Test("a generated key signs, its public key verifies, and a tampered message fails")
    func signAndVerify() throws {
        let key = try RSAPrivateKey.generate()
        #expect(key.bits == 2048)
        let message = Array("header.payload".utf8)
        let signature = try key.signSHA256(message)
        #expect(signature.count == 256)
        #expect(key.publicKey.verifySHA256(signature: signature, message: message))
        #expect(!key.publicKey.verifySHA256(signature: signature, message: Array("header.payloaD".utf8)))
        let other = try RSAPrivateKey.generate()
        #expect(!other.publicKey.verifySHA256(signature: signature, message: message))
    }

    @Test("PKCS#8 and PKCS#1 PEM both load and give the same signatures")
    func pemRoundTrip() throws {
        let key = try RSAPrivateKey.generate()
        let pkcs8 = try key.pkcs8PEM()
        let pkcs1 = try key.pkcs1PEM()
        #expect(pkcs8.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        #expect(pkcs1.hasPrefix("-----BEGIN RSA PRIVATE KEY-----"))
        let message = Array("same input".utf8)
        let fromPKCS8 = try RSAPrivateKey(pem: pkcs8).signSHA256(message)
        let fromPKCS1 = try RSAPrivateKey(pem: pkcs1).signSHA256(message)
        #expect(fromPKCS8 == fromPKCS1)
        let publicKey = try RSAPublicKey(pem: key.publicKey.pem())
        #expect(publicKey.verifySHA256(signature: fromPKCS8, message: message))
    }

    @Test("text that is not a key is refused without echoing it")
    func invalidKey() throws {
        let secretLooking = "-----BEGIN PRIVATE KEY-----\nTk9UQUtFWQ==\n-----END PRIVATE KEY-----\n"
        let error = #expect(throws: CryptoError.self) { try RSAPrivateKey(pem: secretLooking) }
        #expect(error?.code == .invalidKey)
        #expect(error?.message.contains("Tk9UQUtFWQ") == false)
    }

    @Test("SHA-256 and base64url match known values")
    func digestAndBase64URL() {
        #expect(SHA256.hexHash(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Base64URL.encode([0xFF, 0xFE, 0xFD, 0x3E, 0x3E, 0x3F]) == "__79Pj4_")
        #expect(Base64URL.decode("__79Pj4_") == [0xFF, 0xFE, 0xFD, 0x3E, 0x3E, 0x3F])
        #expect(Base64URL.encode([0x01]) == "AQ")
        #expect(Base64URL.decode("AQ") == [0x01])
        #expect(Base64URL.decode("A") == nil)
        #expect(Base64URL.decode("a+b/") == nil)
    }
}
