import Foundation
import SwitchyardCore
import Testing

@testable import SwitchyardRouter

@Suite("Reading Google's 429 and error bodies")
struct QuotaAndFailureTests {
    /// A per-day free-tier 429 as AI Studio sends it (QuotaFailure quota id `…PerDay…`, RetryInfo in the body).
    static let perDayBody = Data(
        """
        {"error":{"code":429,"message":"You exceeded your current quota, please check your plan and billing details.",
        "status":"RESOURCE_EXHAUSTED","details":[
        {"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{
          "quotaMetric":"generativelanguage.googleapis.com/generate_content_free_tier_requests",
          "quotaId":"GenerateRequestsPerDayPerProjectPerModel-FreeTier",
          "quotaDimensions":{"location":"global","model":"gemini-2.5-pro"},"quotaValue":"50"}]},
        {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"25s"}]}}
        """.utf8
    )

    /// A per-minute 429 (the emulator's and Google's usual shape).
    static let perMinuteBody = Data(
        """
        {"error":{"code":429,"message":"Resource exhausted.","status":"RESOURCE_EXHAUSTED","details":[
        {"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{
          "quotaMetric":"aiplatform.googleapis.com/generate_content_requests_per_minute_per_project_per_base_model",
          "quotaId":"GenerateContentRequestsPerMinutePerProjectPerBaseModel"}]},
        {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"2s"}]}}
        """.utf8
    )

    @Test("a QuotaFailure naming a per-day quota is per-day; its RetryInfo is read")
    func perDay() {
        let error = SwitchyardError(upstreamStatus: 429, body: Self.perDayBody)
        #expect(QuotaScope.isPerDay(error))
        #expect(error.retryAfter == .seconds(25))
    }

    @Test("ErrorInfo quota_limit naming a daily limit is per-day")
    func errorInfoPerDay() {
        let body = Data(
            """
            {"error":{"code":429,"message":"Quota exceeded","status":"RESOURCE_EXHAUSTED","details":[
            {"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"RATE_LIMIT_EXCEEDED","domain":"googleapis.com",
             "metadata":{"quota_metric":"x/requests","quota_limit":"RequestsPerDayPerUserPerTier"}}]}}
            """.utf8
        )
        #expect(QuotaScope.isPerDay(SwitchyardError(upstreamStatus: 429, body: body)))
    }

    @Test("per-minute quotas and bare 429s are transient, never per-day")
    func transient() {
        #expect(!QuotaScope.isPerDay(SwitchyardError(upstreamStatus: 429, body: Self.perMinuteBody)))
        #expect(!QuotaScope.isPerDay(SwitchyardError(upstreamStatus: 429, body: Data("{}".utf8))))
        #expect(!QuotaScope.isPerDay(SwitchyardError(upstreamStatus: 429, body: Data(), retryAfterHeader: "86400")))
        // A per-day name on a non-429 does not count.
        let details = SwitchyardError(upstreamStatus: 429, body: Self.perDayBody).details
        #expect(!QuotaScope.isPerDay(SwitchyardError(.upstreamUnavailable, "overloaded", httpStatus: 503, details: details)))
    }

    @Test("failure classes: retry, fall back, or return at once")
    func classes() {
        func classOf(_ status: Int, _ body: String = "") -> FailureClass {
            FailureClass(SwitchyardError(upstreamStatus: status, body: Data(body.utf8)))
        }
        for status in [429, 500, 502, 503, 504] { #expect(classOf(status) == .retryable, "HTTP \(status)") }
        for status in [401, 403, 404, 501] { #expect(classOf(status) == .targetSpecific, "HTTP \(status)") }
        #expect(classOf(400) == .final)
        #expect(FailureClass(SwitchyardError(.transport, "connection refused")) == .retryable)
        #expect(FailureClass(SwitchyardError(.timeout, "timed out")) == .retryable)
        #expect(FailureClass(SwitchyardError(.unsupportedField, "field not accepted")) == .targetSpecific)
        #expect(FailureClass(SwitchyardError(.safetyBlocked, "blocked")) == .final)
        #expect(FailureClass(SwitchyardError(.cancelled, "cancelled")) == .final)
        let badKey = """
            {"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT",
            "details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com"}]}}
            """
        #expect(classOf(400, badKey) == .targetSpecific, "a rejected API key is the provider's problem, not the caller's")
    }
}
