import CCurl

/// The response `Content-Encoding`s this libcurl can decode, so a gzip-speaking proxy or server
/// just works: the transfer sets `CURLOPT_ACCEPT_ENCODING` (which turns decoding on) and sends
/// this list itself, so the headers shown are the headers sent.
enum ContentDecoding {
    /// `Accept-Encoding` as libcurl would build it (`deflate, gzip, br, zstd`, whichever it was
    /// built with); nil when it can decode none.
    static let acceptEncoding: String? = {
        var names: [String] = []
        if cs_has_libz() != 0 { names += ["deflate", "gzip"] }
        if cs_has_brotli() != 0 { names.append("br") }
        if cs_has_zstd() != 0 { names.append("zstd") }
        return names.isEmpty ? nil : names.joined(separator: ", ")
    }()
}
