import Foundation
import ChunkScopeCore
import Testing

@Suite("Config file and profile resolution")
struct ConfigTests {
    static let sample = """
        default_profile = "groq"

        [profiles.groq]
        base_url = "https://api.groq.com/openai/v1"
        model = "llama-3.3-70b-versatile"
        api_key_env = "GROQ_API_KEY"
        temperature = 0.2
        max_tokens = 512
        headers = { "X-Title" = "ChunkScope" }
        params = { top_p = 0.9, stop = ["END"], reasoning = { effort = "low" } }
        prices = { input = 0.59, output = 0.79 }

        [profiles.ollama]
        base_url = "http://localhost:11434/v1"
        model = "qwen2.5:7b"
        include_usage = false
        idle_timeout = 300

        [profiles.vault]
        base_url = "https://api.openai.com/v1"
        model = "gpt-4o-mini"
        api_key_cmd = "pass show openai"
        """

    func resolver(_ env: [String: String] = [:], config: ChunkScopeConfig? = nil,
                  command: @escaping (String) throws -> String = { _ in "sk-from-command-123456789" }) throws -> ProfileResolver {
        ProfileResolver(config: try config ?? ChunkScopeConfig.parse(Self.sample, path: "/cfg/config.toml"),
                        environment: env, runKeyCommand: command)
    }

    @Test("profiles parse with every key")
    func parse() throws {
        let config = try ChunkScopeConfig.parse(Self.sample, path: "/cfg/config.toml")
        #expect(config.defaultProfile == "groq")
        #expect(config.profiles.map(\.name) == ["groq", "ollama", "vault"])
        let groq = try #require(config.profile(named: "groq"))
        #expect(groq.line == 3)
        #expect(groq.headers == [HTTPHeader("X-Title", "ChunkScope")])
        #expect(groq.params.map(\.key) == ["top_p", "stop", "reasoning"])
        #expect(groq.params[2].value.serialized() == #"{"effort":"low"}"#)
        #expect(groq.prices == Prices(inputPerMillion: 0.59, outputPerMillion: 0.79))
        #expect(config.profile(named: "ollama")?.includeUsage == false)
        #expect(config.referencesCredentials)
    }

    /// Config errors: the text and what the message must say.
    static let badConfigs: [(String, String)] = [
        ("[profiles.x]\nmodle = \"m\"\n", "/c.toml:2: key 'profiles.x.modle': unknown profile key"),
        ("[profiles.x]\ntemperature = \"hot\"\n", "/c.toml:2: key 'profiles.x.temperature': expected a number, found a string"),
        ("[profiles.x]\nbase_url = \"api.example.com\"\n", "/c.toml:2: key 'profiles.x.base_url': must start with http:// or https://"),
        ("default_profile = \"nope\"\n[profiles.x]\n", "/c.toml:1: key 'default_profile': no profile named 'nope' (defined: x)"),
        ("[profiles.x]\nmax_tokens = 0\n", "/c.toml:2: key 'profiles.x.max_tokens': must be greater than 0"),
        ("[profiles.x]\nprices = { input = 1 }\n", "/c.toml:2: key 'profiles.x.prices': needs both input and output"),
        ("colour = \"red\"\n", "/c.toml:1: key 'colour': unknown top-level key"),
        ("[profiles.x]\nmodel = \"a\n", "/c.toml:2: key 'profiles.x.model': unterminated string"),
    ]

    @Test("config errors name file, line and key", arguments: badConfigs)
    func badConfig(_ text: String, _ expected: String) {
        do {
            _ = try ChunkScopeConfig.parse(text, path: "/c.toml")
            Issue.record("no error")
        } catch {
            #expect(String(describing: error).hasPrefix(expected), "\(String(describing: error))")
        }
    }

    @Test("no config, no key, no base URL: the built-in mock")
    func mockDefault() throws {
        let profile = try resolver(config: ChunkScopeConfig(path: "none")).resolve(ConnectionOverrides())
        #expect(profile.isBuiltInMock)
        #expect(profile.model == "mock-echo")
        #expect(profile.apiKey == nil)
    }

    @Test("OPENAI_API_KEY alone talks to OpenAI; OPENAI_BASE_URL and OPENAI_MODEL are honoured")
    func environment() throws {
        let empty = ChunkScopeConfig(path: "none")
        let openai = try resolver(["OPENAI_API_KEY": "sk-env-0123456789abcdef"], config: empty).resolve(ConnectionOverrides())
        #expect(!openai.isBuiltInMock)
        #expect(openai.baseURL == "https://api.openai.com/v1")
        #expect(openai.model == "gpt-4o-mini")
        #expect(openai.apiKey?.exposedValue == "sk-env-0123456789abcdef")
        let local = try resolver(["OPENAI_BASE_URL": "http://localhost:8080/v1/", "OPENAI_MODEL": "qwen"], config: empty)
            .resolve(ConnectionOverrides())
        #expect(local.baseURL == "http://localhost:8080/v1")
        #expect(local.model == "qwen")
        #expect(local.apiKey == nil)
        #expect(!local.isBuiltInMock)
    }

    @Test("OPENAI_API_KEY is never sent to an unrelated --base-url")
    func keyNotLeakedToOtherHosts() throws {
        let empty = ChunkScopeConfig(path: "none")
        let env = ["OPENAI_API_KEY": "sk-env-0123456789abcdef", "OPENAI_BASE_URL": "https://proxy.example.com/v1"]
        let other = try resolver(env, config: empty).resolve(ConnectionOverrides(baseURL: "https://evil.example.net/v1"))
        #expect(other.apiKey == nil)
        #expect(other.warnings.contains { $0.contains("not sent to evil.example.net") })
        let paired = try resolver(env, config: empty).resolve(ConnectionOverrides(baseURL: "https://proxy.example.com/v1/"))
        #expect(paired.apiKey != nil)
        let openai = try resolver(["OPENAI_API_KEY": "sk-env-0123456789abcdef"], config: empty)
            .resolve(ConnectionOverrides(baseURL: "https://api.openai.com/v1"))
        #expect(openai.apiKey != nil)
        let explicit = try resolver(env, config: empty)
            .resolve(ConnectionOverrides(baseURL: "https://evil.example.net/v1", apiKeyEnv: "OPENAI_API_KEY"))
        #expect(explicit.apiKey != nil)
    }

    @Test("the default profile applies and flags override it")
    func flagsOverride() throws {
        let r = try resolver(["GROQ_API_KEY": "gsk_groqkey0123456789"])
        let base = try r.resolve(ConnectionOverrides())
        #expect(base.name == "groq")
        #expect(base.apiKey?.exposedValue == "gsk_groqkey0123456789")
        #expect(base.params.map(\.key) == ["temperature", "max_tokens", "top_p", "stop", "reasoning"])
        #expect(base.params[0].value == .number("0.2"))
        let flagged = try r.resolve(ConnectionOverrides(model: "other", system: "be brief",
                                                        params: [.init("temperature", .number("1")), .init("seed", .number("7"))],
                                                        idleTimeout: 5))
        #expect(flagged.model == "other")
        #expect(flagged.system == "be brief")
        #expect(flagged.idleTimeout == 5)
        #expect(flagged.params.first(where: { $0.key == "temperature" })?.value == .number("1"))
        #expect(flagged.params.last?.key == "seed")
    }

    @Test("a missing key variable is a clear error naming the profile key")
    func missingKey() throws {
        do {
            _ = try resolver().resolve(ConnectionOverrides())
            Issue.record("no error")
        } catch {
            #expect(String(describing: error) == "/cfg/config.toml:3: key 'profiles.groq.api_key_env': environment variable GROQ_API_KEY is not set (export it, or use api_key_cmd)")
        }
    }

    @Test("api_key_cmd output becomes the key; its failure never echoes a key")
    func keyCommand() throws {
        let profile = try resolver().resolve(ConnectionOverrides(profile: "vault"))
        #expect(profile.apiKey?.exposedValue == "sk-from-command-123456789")
        struct Failed: Error, CustomStringConvertible { var description = "exit 1: token sk-leakedleakedleaked99 expired" }
        do {
            _ = try resolver(command: { _ in throw Failed() }).resolve(ConnectionOverrides(profile: "vault"))
            Issue.record("no error")
        } catch {
            #expect(String(describing: error).contains("key 'profiles.vault.api_key_cmd': the key command failed"))
            #expect(!String(describing: error).contains("sk-leaked"))
        }
    }

    @Test("unknown profile, and --profile mock, and mock-* models")
    func profileSelection() throws {
        do {
            _ = try resolver().resolve(ConnectionOverrides(profile: "nope"))
            Issue.record("no error")
        } catch {
            #expect(String(describing: error).contains("no profile named 'nope' (defined in /cfg/config.toml: groq, ollama, vault)"))
        }
        #expect(try resolver().resolve(ConnectionOverrides(profile: "mock")).isBuiltInMock)
        let empty = ChunkScopeConfig(path: "none")
        let mockModel = try resolver(["OPENAI_API_KEY": "sk-env-0123456789abcdef"], config: empty)
            .resolve(ConnectionOverrides(model: "mock-tools"))
        #expect(mockModel.isBuiltInMock)
        #expect(mockModel.model == "mock-tools")
        let explicitServer = try resolver(["OPENAI_BASE_URL": "http://127.0.0.1:8080/v1"], config: empty)
            .resolve(ConnectionOverrides(model: "mock-tools"))
        #expect(!explicitServer.isBuiltInMock, "OPENAI_BASE_URL names a server: a mock-* model goes there")
        #expect(explicitServer.baseURL == "http://127.0.0.1:8080/v1")
    }
}

@Suite("Documented config example")
struct ConfigExampleTests {
    @Test("the README's example config parses and every provider profile resolves")
    func example() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../README.md").standardized.path
        let readme = try String(contentsOfFile: path, encoding: .utf8)
        let begin = "<!-- config-example:begin -->", end = "<!-- config-example:end -->"
        let start = try #require(readme.range(of: begin)), stop = try #require(readme.range(of: end))
        let block = String(readme[start.upperBound..<stop.lowerBound])
        let open = try #require(block.range(of: "```toml\n"), "one ```toml block between the markers")
        let close = try #require(block.range(of: "\n```", range: open.upperBound..<block.endIndex))
        // Blank lines in front keep the parser's line numbers equal to the README's.
        let linesBefore = readme[..<start.upperBound].filter { $0 == "\n" }.count + block[..<open.upperBound].filter { $0 == "\n" }.count
        let text = String(repeating: "\n", count: linesBefore) + String(block[open.upperBound..<close.lowerBound]) + "\n"
        let config = try ChunkScopeConfig.parse(text, path: path)
        #expect(config.profiles.map(\.name) == ["openai", "openai-vault", "openrouter", "groq", "deepseek", "ollama", "llamacpp", "vllm", "litellm", "local-mock"])
        let env = ["OPENAI_API_KEY": "sk-a-0123456789", "OPENROUTER_API_KEY": "sk-or-0123456789", "GROQ_API_KEY": "gsk_0123456789",
                   "DEEPSEEK_API_KEY": "sk-d-0123456789", "LITELLM_API_KEY": "sk-1234"]
        let resolver = ProfileResolver(config: config, environment: env) { _ in "sk-from-vault-0123" }
        for profile in config.profiles {
            let resolved = try resolver.resolve(ConnectionOverrides(profile: profile.name))
            #expect(resolved.baseURL.hasPrefix("http"), "\(profile.name)")
            #expect(!resolved.isBuiltInMock)
        }
    }
}
