import CCurl

/// A libcurl option and its name, so a refusal can say which option it was.
struct CurlOption {
    let code: CURLoption
    let name: String

    static let url = CurlOption(code: CURLOPT_URL, name: "CURLOPT_URL")
    static let post = CurlOption(code: CURLOPT_POST, name: "CURLOPT_POST")
    static let postFieldSize = CurlOption(code: CURLOPT_POSTFIELDSIZE_LARGE, name: "CURLOPT_POSTFIELDSIZE_LARGE")
    static let postFields = CurlOption(code: CURLOPT_POSTFIELDS, name: "CURLOPT_POSTFIELDS")
    static let readFunction = CurlOption(code: CURLOPT_READFUNCTION, name: "CURLOPT_READFUNCTION")
    static let httpHeader = CurlOption(code: CURLOPT_HTTPHEADER, name: "CURLOPT_HTTPHEADER")
    static let acceptEncoding = CurlOption(code: CURLOPT_ACCEPT_ENCODING, name: "CURLOPT_ACCEPT_ENCODING")
    static let noSignal = CurlOption(code: CURLOPT_NOSIGNAL, name: "CURLOPT_NOSIGNAL")
    static let connectTimeout = CurlOption(code: CURLOPT_CONNECTTIMEOUT_MS, name: "CURLOPT_CONNECTTIMEOUT_MS")
    static let tcpKeepAlive = CurlOption(code: CURLOPT_TCP_KEEPALIVE, name: "CURLOPT_TCP_KEEPALIVE")
    static let tcpNoDelay = CurlOption(code: CURLOPT_TCP_NODELAY, name: "CURLOPT_TCP_NODELAY")
    static let followLocation = CurlOption(code: CURLOPT_FOLLOWLOCATION, name: "CURLOPT_FOLLOWLOCATION")
    static let noProxy = CurlOption(code: CURLOPT_NOPROXY, name: "CURLOPT_NOPROXY")
    static let suppressConnectHeaders = CurlOption(code: CURLOPT_SUPPRESS_CONNECT_HEADERS, name: "CURLOPT_SUPPRESS_CONNECT_HEADERS")
    static let errorBuffer = CurlOption(code: CURLOPT_ERRORBUFFER, name: "CURLOPT_ERRORBUFFER")
    static let writeData = CurlOption(code: CURLOPT_WRITEDATA, name: "CURLOPT_WRITEDATA")
    static let writeFunction = CurlOption(code: CURLOPT_WRITEFUNCTION, name: "CURLOPT_WRITEFUNCTION")
    static let headerData = CurlOption(code: CURLOPT_HEADERDATA, name: "CURLOPT_HEADERDATA")
    static let headerFunction = CurlOption(code: CURLOPT_HEADERFUNCTION, name: "CURLOPT_HEADERFUNCTION")
}

/// libcurl refused a setup call; the message names the option or call and gives libcurl's reason.
struct CurlSetupError: Error {
    let message: String

    init(refused option: CurlOption, _ code: CURLcode) {
        message = "curl refused \(option.name): \(String(cString: curl_easy_strerror(code)))"
    }

    init(call: String, _ code: CURLMcode) {
        message = "curl refused \(call): \(String(cString: curl_multi_strerror(code)))"
    }

    init(call: String, _ code: CURLcode) {
        message = "curl refused \(call): \(String(cString: curl_easy_strerror(code)))"
    }

    init(_ message: String) {
        self.message = message
    }
}

/// Sets options on one easy handle, checking every return code.
struct CurlEasyOptions {
    let handle: UnsafeMutableRawPointer

    func set(_ option: CurlOption, _ value: Int) throws(CurlSetupError) {
        try check(option, cs_easy_setopt_long(handle, option.code, value))
    }

    func set(_ option: CurlOption, offset value: Int) throws(CurlSetupError) {
        try check(option, cs_easy_setopt_off(handle, option.code, curl_off_t(value)))
    }

    /// libcurl copies string options (all but `CURLOPT_POSTFIELDS`, which is set with `pointer`).
    func set(_ option: CurlOption, _ value: String) throws(CurlSetupError) {
        try check(option, cs_easy_setopt_string(handle, option.code, value))
    }

    func set(_ option: CurlOption, pointer value: UnsafeMutableRawPointer?) throws(CurlSetupError) {
        try check(option, cs_easy_setopt_pointer(handle, option.code, value))
    }

    func set(_ option: CurlOption, list value: UnsafeMutablePointer<curl_slist>?) throws(CurlSetupError) {
        try check(option, cs_easy_setopt_slist(handle, option.code, value))
    }

    func set(_ option: CurlOption, callback value: cs_data_callback) throws(CurlSetupError) {
        try check(option, cs_easy_setopt_callback(handle, option.code, value))
    }

    /// Makes libcurl abort instead of reading the body from stdin, its default read callback.
    func refuseReads() throws(CurlSetupError) {
        try check(.readFunction, cs_easy_refuse_reads(handle))
    }

    private func check(_ option: CurlOption, _ code: CURLcode) throws(CurlSetupError) {
        guard code == CURLE_OK else { throw CurlSetupError(refused: option, code) }
    }
}

/// A `curl_slist` of header lines, built with every append checked.
enum CurlHeaderList {
    /// The list for `lines`; the caller frees it with `curl_slist_free_all`.
    static func make(_ lines: [String]) throws(CurlSetupError) -> UnsafeMutablePointer<curl_slist>? {
        var list: UnsafeMutablePointer<curl_slist>?
        for line in lines {
            guard let appended = curl_slist_append(list, line) else {
                curl_slist_free_all(list)
                throw CurlSetupError("curl_slist_append failed (out of memory) building the request headers")
            }
            list = appended
        }
        return list
    }
}
