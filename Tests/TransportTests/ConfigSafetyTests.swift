import ChunkScopeCore
import ChunkScopeTransport
import Testing

extension TransportTests {
    /// The pure parts behind the wire checks: URL splitting and redaction, header validation, and
    /// the profile resolver refusing header values and keys that would become extra headers.
    @Suite("URL redaction and header validation")
    struct ConfigSafetyTests {
        @Test("URLParts splits userinfo, host, path, query and fragment and joins them back", arguments: [
            "http://h/v1", "https://user:pa%40ss@api.example.com:8443/v1/?api-version=1&key=x#frag", "http://[::1]:8080",
            "http://a@b@host/p?q=@",
        ])
        func roundTrip(url: String) throws {
            #expect(try #require(URLParts(url)).joined == url)
        }

        @Test("the path goes before the query; userinfo is decoded like libcurl does")
        func pathBeforeQuery() throws {
            let parts = try #require(URLParts("https://us%65r:pa%40ss@h:1/v1/?api-version=x#f"))
            #expect(parts.host == "h")
            #expect(parts.appendingPath("/chat/completions").joined == "https://us%65r:pa%40ss@h:1/v1/chat/completions?api-version=x#f")
            #expect(parts.credentials?.user == "user")
            #expect(parts.credentials?.password == "pa@ss")
            #expect(URLParts("no scheme") == nil)
            let request = ChatRequest(baseURL: "https://u:p@h/v1?api-version=x#f", model: "m", messages: [])
            #expect(request.url == "https://h/v1/chat/completions?api-version=x")
        }

        @Test("redactURL hides userinfo and key-named query values, keeps the rest", arguments: [
            ("http://user:PASSWORD@host/v1", "http://[REDACTED]@host/v1"),
            ("http://host/v1?api-key=abc123&api-version=2024", "http://host/v1?api-key=[REDACTED]&api-version=2024"),
            ("http://host/v1?key=K&token=T&access_token=A&sig=S&signature=G&password=P&secret=Q&x-goog-api-key=X",
             "http://host/v1?key=[REDACTED]&token=[REDACTED]&access_token=[REDACTED]&sig=[REDACTED]&signature=[REDACTED]&password=[REDACTED]&secret=[REDACTED]&x-goog-api-key=[REDACTED]"),
            ("http://host/v1?flag&key=&model=x", "http://host/v1?flag&key=&model=x"),
            ("not a url sk-abcdefghijklmnop", "not a url [REDACTED]"),
        ])
        func redactURL(url: String, expected: String) {
            #expect(Redaction.redactURL(url) == expected)
        }

        @Test("a URL's password and key-named query values become secrets (as written and decoded); a short user name does not")
        func urlSecrets() {
            let secrets = Redaction.urlSecrets("http://user:p%40ssw0rd@h/v1?api-key=k%2Fey1234&model=gpt").map(\.exposedValue)
            #expect(secrets == ["p%40ssw0rd", "p@ssw0rd", "k%2Fey1234", "k/ey1234"])
            #expect(Redaction.urlSecrets("http://longtokenuser@h/v1").map(\.exposedValue) == ["longtokenuser"])
            #expect(Redaction.urlSecrets("http://user@h/v1").isEmpty)
        }

        @Test("header names must be tokens; values must have no CR, LF or control character", arguments: [
            ("X-Title", "ChunkScope\tok", nil as String?),
            ("X-Title", "a\r\nX-Injected: 1", "the value contains a line break (CR or LF)"),
            ("X-Title", "a\nb", "the value contains a line break (CR or LF)"),
            ("X-Title", "a\u{1b}[31m", "the value contains a control character"),
            ("X Title", "v", "the header name 'X Title' has a character that is not allowed in a header name"),
            ("X-Title:", "v", "the header name 'X-Title:' has a character that is not allowed in a header name"),
            ("", "v", "the header name is empty"),
        ])
        func headerValidation(name: String, value: String, expected: String?) {
            #expect(HeaderValidation.problem(name: name, value: value) == expected)
        }

        static let config = """
            [profiles.team]
            base_url = "https://api.example.com/v1"
            model = "m"
            headers = { "X-Team" = "a\\r\\nX-Injected: 1" }

            [profiles.badname]
            base_url = "https://api.example.com/v1"
            model = "m"
            headers = { "X Team" = "a" }

            [profiles.vault]
            base_url = "https://api.example.com/v1"
            model = "m"
            api_key_cmd = "print-key"
            """

        func resolve(_ profile: String, keyOutput: String = "sk-from-command-123456789\n") throws(ConfigError) -> ResolvedProfile {
            let config = try ChunkScopeConfig.parse(Self.config, path: "/cfg/config.toml")
            return try ProfileResolver(config: config, environment: [:], runKeyCommand: { _ in keyOutput })
                .resolve(ConnectionOverrides(profile: profile))
        }

        @Test("a profile header with CR/LF or a bad name is an error naming the profile and the header")
        func profileHeadersRefused() {
            #expect {
                try resolve("team")
            } throws: { error in
                let text = String(describing: error)
                return text.contains("key 'profiles.team.headers'") && text.contains("header 'X-Team'") && text.contains("line break")
                    && !text.contains("X-Injected")
            }
            #expect {
                try resolve("badname")
            } throws: { error in
                String(describing: error).contains("key 'profiles.badname.headers': header 'X Team': the header name")
            }
        }

        @Test("api_key_cmd: one trailing newline is dropped, any other line break is an error that never shows the key", arguments: [
            ("sk-from-command-123456789\n", "sk-from-command-123456789" as String?),
            ("sk-from-command-123456789\r\n", "sk-from-command-123456789"),
            ("sk-from-command-123456789", "sk-from-command-123456789"),
            ("sk-from-command-123456789\n\n", nil),
            ("sk-from\r\nX-Injected: 1\n", nil),
            ("sk-from-command\n123456789\n", nil),
        ])
        func keyCommandOutput(output: String, expected: String?) throws {
            if let expected {
                #expect(try resolve("vault", keyOutput: output).apiKey?.exposedValue == expected)
            } else {
                #expect {
                    try resolve("vault", keyOutput: output)
                } throws: { error in
                    let text = String(describing: error)
                    return text.contains("key 'profiles.vault.api_key_cmd'") && text.contains("line break")
                        && text.contains("only one trailing newline") && !text.contains("sk-from")
                }
            }
        }

        @Test("the real key command keeps its output as printed, so the resolver sees every newline")
        func keyCommandKeepsNewlines() throws {
            #expect(try KeyCommand.run("printf 'sk-abc\\n\\n'") == "sk-abc\n\n")
        }
    }
}
