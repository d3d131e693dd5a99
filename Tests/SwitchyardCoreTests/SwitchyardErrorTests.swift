import Foundation
import SwitchyardCore
import Testing

@Suite("Errors")
struct SwitchyardErrorTests {
    @Test("A Google 429 body becomes rateLimited with the RetryInfo delay and all details")
    func rateLimitedBody() throws {
        let error = SwitchyardError(
            upstreamStatus: 429,
            body: try Fixture.data("error-rate-limited"),
            retryAfterHeader: "5",
            provider: "studio",
            model: "gemini-2.5-flash"
        )
        #expect(error.code == .rateLimited)
        #expect(error.googleStatus == "RESOURCE_EXHAUSTED")
        #expect(error.retryAfter == .seconds(37))
        #expect(error.details.count == 2)
        #expect(error.details.first?["@type"] == "type.googleapis.com/google.rpc.QuotaFailure")
        #expect(error.rawBody == nil)
        #expect(error.isRetryable)
        #expect(error.message == "Resource has been exhausted (e.g. check quota).")
        #expect(
            error.description
                == "rateLimited: Resource has been exhausted (e.g. check quota). (provider studio, model gemini-2.5-flash, HTTP 429 RESOURCE_EXHAUSTED, retry after 37.0 seconds)"
        )
        let body = try JSONText.canonical(JSONEncoder().encode(error.googleErrorBody))
        #expect(body["error"]?["code"] == 429)
        #expect(body["error"]?["status"] == "RESOURCE_EXHAUSTED")
        #expect(body["error"]?["details"]?.arrayValue?.count == 2)
    }

    @Test("A non-JSON body is kept raw; Retry-After is honoured without RetryInfo")
    func htmlBody() {
        let error = SwitchyardError(upstreamStatus: 502, body: Data("<html>Bad Gateway</html>".utf8), retryAfterHeader: " 3 ")
        #expect(error.code == .upstream)
        #expect(error.rawBody == "<html>Bad Gateway</html>")
        #expect(error.retryAfter == .seconds(3))
        #expect(error.isRetryable)
        #expect(error.responseHTTPStatus == 502)
        #expect(error.responseGoogleStatus == "UNAVAILABLE")
    }

    @Test("A one-element list body is unwrapped")
    func listBody() {
        let body = #"[{"error":{"code":400,"message":"bad field","status":"INVALID_ARGUMENT"}}]"#
        let error = SwitchyardError(upstreamStatus: 400, body: Data(body.utf8))
        #expect(error.code == .invalidArgument)
        #expect(error.message == "bad field")
        #expect(!error.isRetryable)
    }

    @Test(
        "Codes map to HTTP and Google statuses",
        arguments: [
            (SwitchyardError.Code.invalidArgument, 400, "INVALID_ARGUMENT"),
            (.unauthenticated, 401, "UNAUTHENTICATED"),
            (.permissionDenied, 403, "PERMISSION_DENIED"),
            (.notFound, 404, "NOT_FOUND"),
            (.unknownModel, 404, "NOT_FOUND"),
            (.rateLimited, 429, "RESOURCE_EXHAUSTED"),
            (.internal, 500, "INTERNAL"),
            (.upstreamUnavailable, 503, "UNAVAILABLE"),
            (.deadlineExceeded, 504, "DEADLINE_EXCEEDED"),
            (.timeout, 504, "DEADLINE_EXCEEDED"),
            (.noCapableTarget, 400, "INVALID_ARGUMENT"),
        ]
    )
    func codeMapping(code: SwitchyardError.Code, http: Int, google: String) {
        #expect(code.httpStatus == http)
        #expect(code.googleStatus == google)
        #expect(GoogleStatus.httpStatus(for: google) == http)
    }

    @Test(
        "Upstream statuses map back to codes",
        arguments: [
            (400, "INVALID_ARGUMENT", SwitchyardError.Code.invalidArgument),
            (401, "UNAUTHENTICATED", .unauthenticated),
            (403, "PERMISSION_DENIED", .permissionDenied),
            (404, "NOT_FOUND", .notFound),
            (429, "RESOURCE_EXHAUSTED", .rateLimited),
            (500, "INTERNAL", .upstream),
            (503, "UNAVAILABLE", .upstreamUnavailable),
            (504, "DEADLINE_EXCEEDED", .deadlineExceeded),
        ]
    )
    func upstreamMapping(http: Int, google: String, code: SwitchyardError.Code) {
        #expect(SwitchyardError.Code.forUpstream(httpStatus: http, googleStatus: google) == code)
        #expect(SwitchyardError.Code.forUpstream(httpStatus: http, googleStatus: nil) == code)
    }

    @Test("Retryability follows the code and the upstream status")
    func retryability() {
        #expect(SwitchyardError(.upstream, "x", httpStatus: 500).isRetryable)
        #expect(!SwitchyardError(.upstream, "x", httpStatus: 418).isRetryable)
        #expect(SwitchyardError(.transport, "connection reset").isRetryable)
        #expect(!SwitchyardError(.unauthenticated, "bad key").isRetryable)
        #expect(!SwitchyardError(.noCapableTarget, "none").isRetryable)
    }
}
