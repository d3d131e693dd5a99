import Foundation
import GoogleAuth
import SwitchyardCrypto
import Testing

@Suite("Service-account key files")
struct ServiceAccountKeyTests {
    @Test("every field of the shared key file is loaded")
    func loadsEveryField() throws {
        let key = try ServiceAccountKey(contentsOfFile: SharedVectors.keyFile)
        #expect(key.source == SharedVectors.keyFile)
        #expect(key.type == "service_account")
        #expect(key.projectID == "example-project")
        #expect(key.privateKeyID == "0123456789abcdef0123456789abcdef01234567")
        #expect(key.clientEmail == "vertex-test@example-project.iam.gserviceaccount.com")
        #expect(key.clientID == "123456789012345678901")
        #expect(key.authURI == "https://accounts.google.com/o/oauth2/auth")
        #expect(key.tokenURI == "https://oauth2.googleapis.com/token")
        #expect(key.authProviderX509CertURL == "https://www.googleapis.com/oauth2/v1/certs")
        #expect(
            key.clientX509CertURL
                == "https://www.googleapis.com/robot/v1/metadata/x509/vertex-test%40example-project.iam.gserviceaccount.com"
        )
        #expect(key.universeDomain == "googleapis.com")
        #expect(!key.description.contains("PRIVATE KEY"))
    }

    @Test("PKCS#8 and PKCS#1 keys load and sign identically")
    func pkcs8AndPKCS1() throws {
        let rsa = try #require(KeyFiles.sharedKey)
        let pkcs8 = try ServiceAccountKey(json: KeyFiles.json(KeyFiles.serviceAccountObject(pem: rsa.pkcs8PEM())))
        let pkcs1 = try ServiceAccountKey(json: KeyFiles.json(KeyFiles.serviceAccountObject(pem: rsa.pkcs1PEM())))
        let now = Date(timeIntervalSince1970: 1_750_000_000)
        let fromPKCS8 = try pkcs8.grantAssertion(scopes: ["s"], issuedAt: now)
        let fromPKCS1 = try pkcs1.grantAssertion(scopes: ["s"], issuedAt: now)
        #expect(fromPKCS8.compact == fromPKCS1.compact)
        #expect(rsa.publicKey.verifySHA256(signature: fromPKCS1.signature, message: Array(fromPKCS1.signingInput.utf8)))
    }

    @Test("universe_domain defaults to googleapis.com and optional fields may be absent")
    func optionalFields() throws {
        let rsa = try #require(KeyFiles.sharedKey)
        var object = KeyFiles.serviceAccountObject(pem: try rsa.pkcs8PEM())
        for field in ["universe_domain", "project_id", "client_id", "auth_uri", "auth_provider_x509_cert_url", "client_x509_cert_url"] {
            object.removeValue(forKey: field)
        }
        let key = try ServiceAccountKey(json: KeyFiles.json(object))
        #expect(key.universeDomain == "googleapis.com")
        #expect(key.projectID == nil)
        #expect(key.source == ServiceAccountKey.inlineSource)
    }

    @Test(
        "a missing required field is named with the file",
        arguments: ["type", "private_key", "client_email", "token_uri"]
    )
    func missingField(_ field: String) throws {
        let rsa = try #require(KeyFiles.sharedKey)
        let pem = try rsa.pkcs8PEM()
        var object = KeyFiles.serviceAccountObject(pem: pem)
        object.removeValue(forKey: field)
        let directory = try TemporaryDirectory()
        let path = try directory.write(KeyFiles.json(object), to: "sa.json")
        let error = #expect(throws: GoogleAuthError.self) { try ServiceAccountKey(contentsOfFile: path) }
        #expect(error?.code == .missingField)
        #expect(error?.field == field)
        #expect(error?.file == path)
        #expect(error?.description.contains(path) == true)
        #expect(error?.description.contains(field) == true)
        for line in KeyFiles.secretLines(of: pem) { #expect(error?.description.contains(line) == false) }
    }

    @Test("a field of the wrong type is named")
    func wrongType() throws {
        let rsa = try #require(KeyFiles.sharedKey)
        var object = KeyFiles.serviceAccountObject(pem: try rsa.pkcs8PEM())
        object["client_email"] = 42
        let error = #expect(throws: GoogleAuthError.self) { try ServiceAccountKey(json: KeyFiles.json(object), source: "typed.json") }
        #expect(error?.code == .invalidField)
        #expect(error?.field == "client_email")
        #expect(error?.file == "typed.json")
    }

    @Test("another credential type is refused, naming the type field")
    func wrongCredentialType() throws {
        let rsa = try #require(KeyFiles.sharedKey)
        var object = KeyFiles.serviceAccountObject(pem: try rsa.pkcs8PEM())
        object["type"] = "authorized_user"
        let error = #expect(throws: GoogleAuthError.self) { try ServiceAccountKey(json: KeyFiles.json(object)) }
        #expect(error?.code == .unsupportedCredentialType)
        #expect(error?.field == "type")
    }

    @Test("a broken private key is refused without its text appearing anywhere in the error")
    func brokenPrivateKey() throws {
        let rsa = try #require(KeyFiles.sharedKey)
        let pem = try rsa.pkcs8PEM()
        var lines = pem.split(separator: "\n").map(String.init)
        lines.remove(at: 3)  // a truncated key: PEM framing intact, DER broken
        let broken = lines.joined(separator: "\n") + "\n"
        let object = KeyFiles.serviceAccountObject(pem: broken)
        let directory = try TemporaryDirectory()
        let path = try directory.write(KeyFiles.json(object), to: "broken.json")
        let error = #expect(throws: GoogleAuthError.self) { try ServiceAccountKey(contentsOfFile: path) }
        #expect(error?.code == .invalidPrivateKey)
        #expect(error?.field == "private_key")
        #expect(error?.file == path)
        let text = "\(String(describing: error)) \(error?.message ?? "")"
        for line in KeyFiles.secretLines(of: broken) { #expect(!text.contains(line)) }
    }

    @Test("a missing file and a non-JSON file are named")
    func unreadableAndInvalidJSON() throws {
        let directory = try TemporaryDirectory()
        let missing = directory.path + "/nope.json"
        let error = #expect(throws: GoogleAuthError.self) { try ServiceAccountKey(contentsOfFile: missing) }
        #expect(error?.code == .unreadableFile)
        #expect(error?.file == missing)
        let garbage = try directory.write(Data("not json".utf8), to: "garbage.json")
        let jsonError = #expect(throws: GoogleAuthError.self) { try ServiceAccountKey(contentsOfFile: garbage) }
        #expect(jsonError?.code == .invalidJSON)
        #expect(jsonError?.file == garbage)
        let array = try directory.write(Data("[1]".utf8), to: "array.json")
        #expect(throws: GoogleAuthError.self) { try ServiceAccountKey(contentsOfFile: array) }
    }

    @Test("a token_uri that is not a URL is refused")
    func badTokenURI() throws {
        let rsa = try #require(KeyFiles.sharedKey)
        let object = KeyFiles.serviceAccountObject(tokenURI: "oauth2.googleapis.com/token", pem: try rsa.pkcs8PEM())
        let error = #expect(throws: GoogleAuthError.self) { try ServiceAccountKey(json: KeyFiles.json(object)) }
        #expect(error?.code == .invalidField)
        #expect(error?.field == "token_uri")
    }
}
