import CCurl

/// Process-wide libcurl initialisation, done exactly once (Swift runs a global's initialiser once, thread-safely).
enum CurlGlobal {
    private static let result: CURLcode = curl_global_init(swy_global_default_flags())

    /// Initialises libcurl if no one has yet; returns whether it succeeded.
    @discardableResult
    static func initialize() -> Bool {
        result == CURLE_OK
    }
}
