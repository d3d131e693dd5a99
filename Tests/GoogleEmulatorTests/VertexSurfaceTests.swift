import Foundation
import SwitchyardCrypto
import SwitchyardHTTP
import Testing

@testable import GoogleEmulator

@Suite("Vertex AI surface", .timeLimit(.minutes(1)))
struct VertexSurfaceTests {
    @Test("a token from the JWT-bearer grant opens generateContent; the response carries createTime")
    func generateWithGrantedToken() async throws {
        try await Harness.with { harness in
            let token = try await harness.serviceAccountToken()
            let reply = try await harness.vertex("gemini-2.5-pro", "generateContent", textRequest("Hi Vertex"), token: token)
            #expect(reply.status == 200)
            #expect(reply.json.firstText.hasPrefix("Echo: Hi Vertex [gemini-2.5-pro #"))
            #expect(reply.json["createTime"] is String)
            #expect(reply.json.usage["trafficType"] as? String == "ON_DEMAND")

            let stream = try await harness.vertex(
                "gemini-2.5-pro",
                "streamGenerateContent",
                textRequest("Hi streaming Vertex"),
                token: token,
                query: "?alt=sse"
            )
            #expect(stream.events.count >= 2)
            #expect(stream.events.last?.finishReason == "STOP")
        }
    }

    @Test("no credentials is 401 CREDENTIALS_MISSING; an unknown bearer 401; an expired token 401 ACCESS_TOKEN_EXPIRED")
    func authFailures() async throws {
        try await Harness.with(tokenLifetime: .zero) { harness in
            let path = "/v1/projects/\(Harness.project)/locations/us-central1/publishers/google/models/gemini-2.0-flash:generateContent"
            let missing = try await harness.send(.post, path, json: textRequest("hi"))
            #expect(missing.status == 401)
            #expect(missing.error["status"] as? String == "UNAUTHENTICATED")
            #expect(missing.detail("ErrorInfo")?["reason"] as? String == "CREDENTIALS_MISSING")

            let unknown = try await harness.vertex("gemini-2.0-flash", "generateContent", textRequest("hi"), token: "ya29.made-up")
            #expect(unknown.status == 401)
            #expect(unknown.errorMessage.hasPrefix("Request had invalid authentication credentials. Expected OAuth 2 access token"))

            // tokenLifetime zero: every issued token is already expired.
            let expired = try await harness.serviceAccountToken()
            let reply = try await harness.vertex("gemini-2.0-flash", "generateContent", textRequest("hi"), token: expired)
            #expect(reply.status == 401)
            #expect(reply.detail("ErrorInfo")?["reason"] as? String == "ACCESS_TOKEN_EXPIRED")
        }
    }

    @Test("a revoked token is refused")
    func revoked() async throws {
        try await Harness.with { harness in
            let token = await harness.emulator.mintAccessToken()
            let before = try await harness.vertex("gemini-2.0-flash", "countTokens", textRequest("hi"), token: token)
            #expect(before.status == 200)
            await harness.emulator.revokeAccessTokens()
            let after = try await harness.vertex("gemini-2.0-flash", "countTokens", textRequest("hi"), token: token)
            #expect(after.status == 401)
        }
    }

    @Test("a self-signed JWT with the aiplatform audience is a valid bearer; a wrong audience or key is not")
    func selfSignedJWT() async throws {
        try await Harness.with { harness in
            let account = try await harness.emulator.createServiceAccount(project: Harness.project)
            let file = try ServiceAccountFile(account.json)
            let good = try await harness.vertex("gemini-2.0-flash", "generateContent", textRequest("jwt"), token: try file.selfSignedJWT())
            #expect(good.status == 200)

            let wrongAudience = try await harness.vertex(
                "gemini-2.0-flash",
                "generateContent",
                textRequest("jwt"),
                token: try file.selfSignedJWT(audience: "https://example.com/")
            )
            #expect(wrongAudience.status == 401)

            let stranger = try RSAPrivateKey.generate()
            let header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"\(file.keyID)\"}"
            let now = Int(Date().timeIntervalSince1970)
            let claims =
                "{\"iss\":\"\(file.email)\",\"sub\":\"\(file.email)\",\"iat\":\(now),\"exp\":\(now + 3600),\"aud\":\"https://aiplatform.googleapis.com/\"}"
            let forged = try ServiceAccountFile.sign(header: header, claims: claims, key: stranger)
            let refused = try await harness.vertex("gemini-2.0-flash", "generateContent", textRequest("jwt"), token: forged)
            #expect(refused.status == 401)
        }
    }

    @Test("an unknown project is 403; a model not offered in a region is 404 Publisher Model not found")
    func projectsAndLocations() async throws {
        try await Harness.with { harness in
            let token = await harness.emulator.mintAccessToken()
            let project = try await harness.vertex("gemini-2.0-flash", "generateContent", textRequest("hi"), token: token, project: "someone-else")
            #expect(project.status == 403)
            #expect(
                project.errorMessage
                    == "Permission 'aiplatform.endpoints.predict' denied on resource '//aiplatform.googleapis.com/projects/someone-else/locations/us-central1/publishers/google/models/gemini-2.0-flash' (or it may not exist)."
            )

            let region = try await harness.vertex(
                "imagegeneration@006",
                "predict",
                ["instances": [["prompt": "a boat"]]],
                token: token,
                location: "europe-west4"
            )
            #expect(region.status == 404)
            #expect(
                region.errorMessage.hasPrefix(
                    "Publisher Model `projects/\(Harness.project)/locations/europe-west4/publishers/google/models/imagegeneration@006` was not found"
                )
            )
            let aiStudioOnly = try await harness.vertex("gemini-2.0-flash-exp", "generateContent", textRequest("hi"), token: token)
            #expect(aiStudioOnly.status == 404)

            let quota = try await harness.send(
                .post,
                "/v1/projects/\(Harness.project)/locations/us-central1/publishers/google/models/gemini-2.0-flash:generateContent",
                headers: ["Authorization": "Bearer \(token)", "x-goog-user-project": "not-mine"],
                json: textRequest("hi")
            )
            #expect(quota.status == 403)
            #expect(quota.detail("ErrorInfo")?["reason"] as? String == "USER_PROJECT_DENIED")
        }
    }

    @Test("Vertex refuses maxOutputTokens outside the model's range with Google's text")
    func maxOutputTokensRange() async throws {
        try await Harness.with { harness in
            let token = await harness.emulator.mintAccessToken()
            let reply = try await harness.vertex(
                "gemini-2.5-flash",
                "generateContent",
                textRequest("hi", generationConfig: ["maxOutputTokens": 65536]),
                token: token
            )
            #expect(reply.status == 400)
            #expect(
                reply.errorMessage
                    == "Unable to submit request because it has a maxOutputTokens value of 65536 but the supported range is from 1 (inclusive) to 65536 (exclusive). Update the value and try again."
            )
            let inRange = try await harness.vertex(
                "gemini-2.5-flash",
                "generateContent",
                textRequest("hi", generationConfig: ["maxOutputTokens": 65535]),
                token: token
            )
            #expect(inRange.status == 200)
        }
    }

    @Test("a service account only reaches its own project")
    func foreignProject() async throws {
        let harness = try await Harness.start(projects: ["switchyard-test", "other-project"])
        defer { Task { try? await harness.emulator.shutdown() } }
        let token = try await harness.serviceAccountToken(project: "other-project")
        let own = try await harness.vertex("gemini-2.0-flash", "countTokens", textRequest("hi"), token: token, project: "other-project")
        #expect(own.status == 200)
        let foreign = try await harness.vertex("gemini-2.0-flash", "countTokens", textRequest("hi"), token: token)
        #expect(foreign.status == 403)
        try await harness.emulator.shutdown()
    }

    @Test("express mode takes an API key without project; publisher models are listed and fetched")
    func expressModeAndListing() async throws {
        try await Harness.with { harness in
            let express = try await harness.send(
                .post,
                "/v1beta1/publishers/google/models/gemini-2.0-flash:generateContent",
                headers: ["x-goog-api-key": Harness.apiKey],
                json: textRequest("express")
            )
            #expect(express.status == 200)
            let badKey = try await harness.send(
                .post,
                "/v1beta1/publishers/google/models/gemini-2.0-flash:generateContent",
                headers: ["x-goog-api-key": "wrong"],
                json: textRequest("express")
            )
            #expect(badKey.status == 400)
            #expect(badKey.detail("ErrorInfo")?["reason"] as? String == "API_KEY_INVALID")

            let token = await harness.emulator.mintAccessToken()
            let list = try await harness.send(.get, "/v1beta1/publishers/google/models?pageSize=4", headers: ["Authorization": "Bearer \(token)"])
            let models = list.json["publisherModels"] as? [[String: Any]] ?? []
            #expect(models.count == 4)
            #expect(list.json["nextPageToken"] is String)
            let get = try await harness.send(
                .get,
                "/v1beta1/publishers/google/models/imagegeneration@006",
                headers: ["Authorization": "Bearer \(token)"]
            )
            #expect(get.json["name"] as? String == "publishers/google/models/imagegeneration@006")
        }
    }

    @Test("Imagen :predict returns sampleCount PNGs at the aspect ratio; the trigger word is filtered")
    func imagen() async throws {
        try await Harness.with { harness in
            let token = await harness.emulator.mintAccessToken()
            let reply = try await harness.vertex(
                "imagen-3.0-generate-002",
                "predict",
                ["instances": [["prompt": "a lighthouse"]], "parameters": ["sampleCount": 3, "aspectRatio": "16:9"]],
                token: token
            )
            #expect(reply.status == 200)
            let predictions = reply.json["predictions"] as? [[String: Any]] ?? []
            #expect(predictions.count == 3)
            let images = try predictions.map { prediction in
                #expect(prediction["mimeType"] as? String == "image/png")
                let data = try #require(Data(base64Encoded: prediction["bytesBase64Encoded"] as? String ?? ""))
                return try PNGCheck(data)
            }
            #expect(images.allSatisfy { $0.width > $0.height && $0.width == 128 })
            #expect(Set(images.map(\.pixels)).count == 3)

            let filtered = try await harness.vertex(
                "imagen-3.0-generate-002",
                "predict",
                ["instances": [["prompt": "something forbidden"]], "parameters": ["sampleCount": 2]],
                token: token
            )
            let reasons = filtered.json["predictions"] as? [[String: Any]] ?? []
            #expect(reasons.count == 1)
            #expect(reasons.first?["raiFilteredReason"] is String)
            #expect(reasons.first?["bytesBase64Encoded"] == nil)

            let aiStudio = try await harness.aiStudio(
                "imagen-3.0-generate-002",
                "predict",
                ["instances": [["prompt": "a boat"]], "parameters": ["sampleCount": 1, "seed": 4]]
            )
            #expect(aiStudio.status == 400)
            #expect(aiStudio.errorMessage == "seed parameter is not supported in Gemini API.")
            let gemini = try await harness.vertex("gemini-2.0-flash", "predict", ["instances": [["prompt": "x"]]], token: token)
            #expect(gemini.status == 400)
        }
    }
}
