// chunkscope-bench — how it fits: the rerunnable throughput benchmark for the core stages
// (bytes → SSE → typed chunks → accumulate + lint). Release build, one thread:
//   swift build -c release --product chunkscope-bench && .build/release/chunkscope-bench
// Never fails on a time; Scripts/bench-core.sh runs it beside the OpenAI Python SDK.
import ChunkScopeCore
import Foundation

/// Command-line options (tiny hand parser: this target avoids extra dependencies).
struct BenchOptions {
    var chunks = 100_000
    var runs = 5
    var bufferSize = 16 * 1024
    var flatness = true
    var writeDirectory: String?
    var jsonPath: String?
    var streams = StreamGenerator.Kind.allCases
    var workloads = Workload.allCases

    static let usage = """
    usage: chunkscope-bench [--chunks N] [--runs R] [--buffer-size BYTES] [--no-flatness]
                            [--write-streams DIR] [--json FILE]
      --chunks N          content/argument chunks per generated stream (default 100000)
      --runs R            timed runs per measurement; the best and the median are reported (default 5)
      --buffer-size B     bytes per feed, like network reads (default 16384)
      --no-flatness       skip the 10k / 100k / 1M per-chunk cost comparison
      --write-streams DIR write the generated text.sse and tool-calls.sse there (for the SDK comparison)
      --json FILE         also write the figures as JSON
      --stream NAME       only this stream (text, tool-calls); repeatable
      --workload NAME     only this workload (\(Workload.allCases.map(\.rawValue).joined(separator: ", "))); repeatable
    """

    init(arguments: [String]) throws {
        var iterator = arguments.makeIterator()
        func value(_ flag: String) throws -> String {
            guard let next = iterator.next() else { throw BenchError("\(flag) needs a value") }
            return next
        }
        func count(_ flag: String) throws -> Int {
            let text = try value(flag)
            guard let number = Int(text), number > 0 else { throw BenchError("\(flag): not a positive integer: \(text)") }
            return number
        }
        var selectedStreams = false
        var selectedWorkloads = false
        while let argument = iterator.next() {
            switch argument {
            case "--chunks": chunks = try count(argument)
            case "--runs": runs = try count(argument)
            case "--buffer-size": bufferSize = try count(argument)
            case "--no-flatness": flatness = false
            case "--write-streams": writeDirectory = try value(argument)
            case "--json": jsonPath = try value(argument)
            case "--stream":
                let name = try value(argument)
                guard let kind = StreamGenerator.Kind(rawValue: name) else { throw BenchError("unknown stream \(name)") }
                if !selectedStreams { streams = [] }
                selectedStreams = true
                streams.append(kind)
            case "--workload":
                let name = try value(argument)
                guard let workload = Workload(rawValue: name) else { throw BenchError("unknown workload \(name)") }
                if !selectedWorkloads { workloads = [] }
                selectedWorkloads = true
                workloads.append(workload)
            case "-h", "--help":
                print(Self.usage)
                exit(0)
            default: throw BenchError("unknown option \(argument)")
            }
        }
    }
}

/// A usage error with its message.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

do {
    let options = try BenchOptions(arguments: Array(CommandLine.arguments.dropFirst()))
    let report = BenchmarkRunner(options: options).run()
    if let path = options.jsonPath {
        try report.json().write(toFile: path, atomically: true, encoding: .utf8)
    }
} catch {
    FileHandle.standardError.write(Data("chunkscope-bench: \(error)\n\(BenchOptions.usage)\n".utf8))
    exit(2)
}
