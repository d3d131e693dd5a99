import SwitchyardCore

/// Reads the quota a 429 names, from Google's `google.rpc.QuotaFailure` (and `ErrorInfo` metadata) details.
///
/// Per-day quotas are named like `GenerateRequestsPerDayPerProjectPerModel-FreeTier` (AI Studio) or
/// `…_requests_per_day…` (metrics). Only explicit per-day evidence counts: a 429 without quota details is treated as
/// transient, never parked for the day (gateway-landscape §3 item 18).
enum QuotaScope {
    /// Whether the error names a per-day quota.
    static func isPerDay(_ error: SwitchyardError) -> Bool {
        guard error.code == .rateLimited || error.httpStatus == 429 else { return false }
        for detail in error.details {
            guard let type = detail["@type"]?.stringValue else { continue }
            if type.hasSuffix("google.rpc.QuotaFailure") {
                for violation in detail["violations"]?.arrayValue ?? [] {
                    let names = [violation["quotaId"], violation["quotaMetric"], violation["subject"], violation["description"]]
                    if names.contains(where: { $0?.stringValue.map(namesDailyQuota) ?? false }) { return true }
                }
            } else if type.hasSuffix("google.rpc.ErrorInfo") {
                let metadata = detail["metadata"]
                let names = [metadata?["quota_limit"], metadata?["quota_metric"], metadata?["quota_id"]]
                if names.contains(where: { $0?.stringValue.map(namesDailyQuota) ?? false }) { return true }
            }
        }
        return false
    }

    /// `PerDay`, `per_day`, `per day`, in any case.
    static func namesDailyQuota(_ text: String) -> Bool {
        let folded = text.lowercased()
        return folded.contains("perday") || folded.contains("per_day") || folded.contains("per day")
    }
}
