// Fuzz — how it fits: each `FuzzTarget` is one parser entry point driven with arbitrary bytes.
// The same functions run in two places: the libFuzzer binaries that `Scripts/fuzz` builds (one
// `Harness/<Name>.swift` per target) and `FuzzCrasherRegressionTests`, which replays every file of
// `Crashers/<target>/`. A target returns normally on any input a parser must survive; a crash,
// a sanitizer report or a `fatalError` on a broken invariant is a finding.

/// One fuzzed entry point; `rawValue` names its seed and crasher folders and its binary.
enum FuzzTarget: String, CaseIterable, Sendable {
    case sseDecoder = "sse-decoder"
    case chunkDecoderDifferential = "chunk-decoder-differential"
    case partialJSON = "partial-json"
    case captureReader = "capture-reader"
    case tomlConfig = "toml-config"
    case themeParser = "theme-parser"
    case httpErrorDescription = "http-error-description"

    /// Runs the target once on `bytes`.
    func run(_ bytes: [UInt8]) {
        switch self {
        case .sseDecoder: SSEDecoderFuzz.run(bytes)
        case .chunkDecoderDifferential: ChunkDecoderDifferentialFuzz.run(bytes)
        case .partialJSON: PartialJSONFuzz.run(bytes)
        case .captureReader: CaptureReaderFuzz.run(bytes)
        case .tomlConfig: TOMLConfigFuzz.run(bytes)
        case .themeParser: ThemeParserFuzz.run(bytes)
        case .httpErrorDescription: HTTPErrorDescriptionFuzz.run(bytes)
        }
    }
}

/// Cut points derived from the input itself, so that a split is reproducible from the bytes alone.
enum FuzzSplit {
    /// Pieces of `bytes` whose lengths cycle through 1…`maxPiece` starting from a value the
    /// first byte picks (empty input: no pieces).
    static func pieces(_ bytes: [UInt8], maxPiece: Int = 7) -> [ArraySlice<UInt8>] {
        guard let first = bytes.first else { return [] }
        var pieces: [ArraySlice<UInt8>] = []
        var length = Int(first) % maxPiece + 1
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + length)
            pieces.append(bytes[start..<end])
            start = end
            length = length % maxPiece + 1
        }
        return pieces
    }
}
