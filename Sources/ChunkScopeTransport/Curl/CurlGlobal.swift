import CCurl

/// Calls `curl_global_init` exactly once, before any transfer thread starts.
enum CurlGlobal {
    private static let initialized: Bool = cs_global_init_default() == CURLE_OK

    /// Initialises libcurl on first use.
    static func ensureInitialized() {
        precondition(initialized, "curl_global_init failed")
    }
}
