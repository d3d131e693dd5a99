/// A failure the emulator produces on purpose, for the next N matching calls or a fraction of them.
public struct EmulatorFault: Sendable, Hashable {
    /// What goes wrong.
    public enum Kind: Sendable, Hashable {
        /// 429 `RESOURCE_EXHAUSTED` with `RetryInfo.retryDelay` (e.g. `"2s"`) and a `QuotaFailure`.
        case rateLimited(retryDelay: String)
        /// 429 `RESOURCE_EXHAUSTED` whose `QuotaFailure` names a per-day quota (`GenerateRequestsPerDayPerProjectPerModel-FreeTier`
        /// on AI Studio, `…_requests_per_day…` on Vertex AI), with `RetryInfo.retryDelay`.
        case dailyQuotaExhausted(retryDelay: String)
        /// Any HTTP status with Google's error body for it (500 `INTERNAL`, 503 `UNAVAILABLE`, ...).
        case status(Int)
        /// The call is answered normally after this extra delay.
        case latency(Duration)
        /// The connection is closed without any response.
        case dropConnection
        /// 200 with a body that is not JSON.
        case malformedBody
        /// A stream sends this many chunks, then `data: {"error":{...}}`, then ends (streaming calls only).
        case streamErrorAfter(chunks: Int)
        /// A stream sends this many chunks, waits `pause`, then sends the rest (streaming calls only): a model that
        /// stops producing for a while.
        case streamPauseAfter(chunks: Int, pause: Duration)
        /// The token endpoint answers `{"error": error, "error_description": ...}` with this status (token calls only).
        case tokenError(error: String, status: Int)
    }

    /// Which part of the emulator a call went to.
    public enum Surface: String, Sendable, Hashable, CaseIterable {
        /// `generativelanguage` (Gemini API) routes.
        case aiStudio
        /// `aiplatform` routes, express mode included.
        case vertex
        /// `POST /token`.
        case token
        /// `/computeMetadata/...` and the ping.
        case metadata
        /// Every surface.
        case any
    }

    /// Which calls a fault applies to.
    public struct Match: Sendable, Hashable {
        /// The surface; `.any` matches all.
        public var surface: Surface
        /// A model id such as `gemini-2.5-flash`; `nil` matches all.
        public var model: String?
        /// A method such as `generateContent`, `streamGenerateContent`, `countTokens`, `predict`, `list`, `get`, `token`;
        /// `nil` matches all.
        public var method: String?

        /// Creates a match.
        public init(surface: Surface = .any, model: String? = nil, method: String? = nil) {
            self.surface = surface
            self.model = model
            self.method = method
        }
    }

    /// What goes wrong.
    public var kind: Kind
    /// Which calls it applies to.
    public var match: Match
    /// How many matching calls it applies to; `nil` with a `fraction` means "until cleared".
    public var count: Int?
    /// The share of matching calls it applies to, spread evenly and deterministically (0.5 = every second call).
    public var fraction: Double?

    /// Creates a fault. With neither `count` nor `fraction`, it applies to the next matching call only.
    public init(kind: Kind, match: Match = Match(), count: Int? = nil, fraction: Double? = nil) {
        self.kind = kind
        self.match = match
        self.count = count ?? (fraction == nil ? 1 : nil)
        self.fraction = fraction
    }
}
