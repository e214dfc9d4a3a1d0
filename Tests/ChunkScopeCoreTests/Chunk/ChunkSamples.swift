/// Real-world `data:` payloads (shapes from VARIANTS.md and provider docs) shared by the chunk
/// tests, the differential tests and the fuzzer's seeds.
enum ChunkSamples {
    static let openAIRole = #"{"id":"chatcmpl-AbC123","object":"chat.completion.chunk","created":1718000000,"model":"gpt-4o-mini-2024-07-18","system_fingerprint":"fp_44709d6fcb","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}"#
    static let openAIText = #"{"id":"chatcmpl-AbC123","object":"chat.completion.chunk","created":1718000000,"model":"gpt-4o-mini-2024-07-18","system_fingerprint":"fp_44709d6fcb","choices":[{"index":0,"delta":{"content":" world"},"logprobs":null,"finish_reason":null}],"usage":null,"obfuscation":"x1Y"}"#
    static let openAIFinish = #"{"id":"chatcmpl-AbC123","object":"chat.completion.chunk","created":1718000000,"model":"gpt-4o-mini-2024-07-18","system_fingerprint":"fp_44709d6fcb","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}"#
    static let usageTrailer = #"{"id":"chatcmpl-AbC123","object":"chat.completion.chunk","created":1718000000,"model":"gpt-4o-mini","service_tier":"default","choices":[],"usage":{"prompt_tokens":12,"completion_tokens":7,"total_tokens":19,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}"#
    static let bareUsageTrailer = #"{"choices":[],"usage":{"prompt_tokens":5,"completion_tokens":7,"total_tokens":12,"completion_tokens_details":{"image_tokens":0}}}"#
    static let toolCallStart = #"{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_abc","type":"function","function":{"name":"get_weather","arguments":""}}]},"finish_reason":null}]}"#
    static let toolCallFragment = #"{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":\"Pr"}}]},"finish_reason":null}]}"#
    static let mistralToolCall = #"{"id":"m1","object":"chat.completion.chunk","created":1.0,"model":"mistral-large","choices":[{"index":0,"delta":{"tool_calls":[{"id":"D681PevKs","function":{"name":"lookup","arguments":"{\"q\": \"x\"}"}}]},"finish_reason":"tool_calls","logprobs":null}]}"#
    static let deepSeekReasoning = #"{"id":"d1","object":"chat.completion.chunk","created":1718000001,"model":"deepseek-reasoner","system_fingerprint":"fp_x","choices":[{"index":0,"delta":{"content":null,"reasoning_content":"Let me think"},"logprobs":null,"finish_reason":null}],"usage":null}"#
    static let groqReasoning = #"{"id":"g1","object":"chat.completion.chunk","created":1718000002,"model":"openai/gpt-oss-20b","choices":[{"index":0,"delta":{"reasoning":"Hmm","channel":"analysis"},"logprobs":null,"finish_reason":null}],"x_groq":{"id":"req_01"}}"#
    static let azurePromptFilter = #"{"choices":[],"created":0,"id":"","model":"","object":"","prompt_filter_results":[{"prompt_index":0,"content_filter_results":{"hate":{"filtered":false,"severity":"safe"}}}]}"#
    static let openRouterExtras = #"{"id":"gen-1","provider":"OpenAI","model":"openai/gpt-4o","object":"chat.completion.chunk","created":1718000003,"choices":[{"index":0,"delta":{"role":"assistant","content":"caf\u00e9 \ud83d\ude00 a\/b"},"finish_reason":null,"native_finish_reason":null,"logprobs":null}]}"#
    static let logprobs = #"{"id":"l1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"Hi"},"logprobs":{"content":[{"token":"Hi","logprob":-0.0001,"bytes":[72,105],"top_logprobs":[]}],"refusal":null},"finish_reason":null}]}"#
    static let refusal = #"{"id":"r1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"refusal":"I can't help with that."},"finish_reason":null}]}"#
    static let twoChoices = #"{"id":"n2","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":1,"delta":{"content":"B"},"finish_reason":null},{"index":0,"delta":{"content":"A"},"finish_reason":"length"}]}"#
    static let llamaCppTimings = #"{"choices":[{"finish_reason":"stop","index":0,"delta":{}}],"created":1718000004,"id":"chatcmpl-l","model":"qwen","system_fingerprint":"b5000","object":"chat.completion.chunk","usage":{"completion_tokens":9,"prompt_tokens":4,"total_tokens":13},"timings":{"prompt_n":4,"predicted_per_second":55.2}}"#
    static let openAIError = #"{"error":{"message":"The server had an error while processing your request.","type":"server_error","param":null,"code":null}}"#
    static let vllmError = #"{"object":"error","message":"Input too long","type":"BadRequestError","param":null,"code":400}"#
    static let wholeToolCall = #"{"id":"o1","object":"chat.completion.chunk","created":1,"model":"llama3","choices":[{"index":0,"delta":{"role":"assistant","content":"","tool_calls":[{"id":"call_1","index":0,"type":"function","function":{"name":"f","arguments":"{\"a\":1}"}}]},"finish_reason":null}]}"#
    static let spaced = "{ \"id\" : \"s1\" ,\n \"object\":\"chat.completion.chunk\", \"choices\" : [ { \"index\" : 0 , \"delta\" : { \"content\" : \"x\" } } ] }\n"

    /// Every sample, for loops.
    static let all: [String] = [
        openAIRole, openAIText, openAIFinish, usageTrailer, bareUsageTrailer, toolCallStart, toolCallFragment,
        mistralToolCall, deepSeekReasoning, groqReasoning, azurePromptFilter, openRouterExtras, logprobs, refusal,
        twoChoices, llamaCppTimings, openAIError, vllmError, wholeToolCall, spaced,
    ]
}
