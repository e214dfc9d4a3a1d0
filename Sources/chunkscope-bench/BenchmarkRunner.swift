import ChunkScopeCore
import Foundation

/// Generates the streams, times each workload on them and prints the figures.
struct BenchmarkRunner {
    let options: BenchOptions

    /// One timed measurement.
    struct Measurement {
        var stream: String
        var workload: String
        var chunks: Int
        var bytes: Int
        /// Best and median CPU time of the benchmark thread over the runs, in seconds.
        var best: Double
        var median: Double
        /// Best wall-clock time, in seconds (includes time the thread waited for the core).
        var wallBest: Double

        var chunksPerSecond: Double { Double(chunks) / best }
        var megabytesPerSecond: Double { Double(bytes) / best / 1_000_000 }
        var nanosPerChunk: Double { best / Double(chunks) * 1e9 }
    }

    /// Everything measured in one run.
    struct Report {
        var measurements: [Measurement] = []
        var flatness: [Measurement] = []

        func json() -> String {
            func entry(_ m: Measurement) -> String {
                #"{"stream":"\#(m.stream)","workload":"\#(m.workload)","chunks":\#(m.chunks),"bytes":\#(m.bytes),"# +
                    #""best_seconds":\#(m.best),"median_seconds":\#(m.median),"wall_best_seconds":\#(m.wallBest),"# +
                    #""chunks_per_second":\#(Int(m.chunksPerSecond)),"wall_chunks_per_second":\#(Int(Double(m.chunks) / m.wallBest)),"# +
                    #""mb_per_second":\#((m.megabytesPerSecond * 10).rounded() / 10),"ns_per_chunk":\#(Int(m.nanosPerChunk))}"#
            }
            return #"{"measurements":[\#(measurements.map(entry).joined(separator: ","))],"flatness":[\#(flatness.map(entry).joined(separator: ","))]}"# + "\n"
        }
    }

    func run() -> Report {
        var report = Report()
        print("chunkscope-bench: one thread, \(options.runs) runs per figure, \(options.bufferSize)-byte reads")
        print("  rates use the thread's CPU time (best run; median in brackets), so a busy machine skews them less;")
        print("  'wall' is the best wall-clock rate")
        for kind in options.streams {
            var generator = StreamGenerator()
            let bytes = generator.stream(kind, chunkCount: options.chunks)
            if let directory = options.writeDirectory {
                let url = URL(fileURLWithPath: directory).appendingPathComponent("\(kind.rawValue).sse")
                if !FileManager.default.createFile(atPath: url.path, contents: Data(bytes)) {
                    print("warning: could not write \(url.path)")
                }
            }
            let buffers = split(bytes)
            print("\n\(kind.rawValue) stream: \(options.chunks) chunks + role/finish/usage, \(format(bytes: bytes.count))")
            for workload in options.workloads {
                let measurement = measure(workload, kind: kind, buffers: buffers, byteCount: bytes.count, runs: options.runs)
                report.measurements.append(measurement)
                printLine(measurement)
            }
        }
        if options.flatness {
            print("\nflatness (text stream): CPU ns per chunk as the stream grows")
            print("  \(pad("chunks", 9))  \(pad(Workload.pipeline.title, 40))  \(Workload.pipelineNoRows.title)")
            for count in [10_000, 100_000, 1_000_000] {
                var generator = StreamGenerator()
                let bytes = generator.stream(.text, chunkCount: count)
                let buffers = split(bytes)
                let runs = count >= 1_000_000 ? max(2, options.runs / 2) : options.runs
                var cells: [String] = []
                for workload in [Workload.pipeline, .pipelineNoRows] {
                    let measurement = measure(workload, kind: .text, buffers: buffers, byteCount: bytes.count, runs: runs)
                    report.flatness.append(measurement)
                    cells.append("\(String(format: "%7.1f", measurement.nanosPerChunk)) ns (\(format(rate: measurement.chunksPerSecond))/s)")
                }
                print("  \(pad(String(count), 9))  \(pad(cells[0], 40))  \(cells[1])")
            }
        }
        return report
    }

    private func split(_ bytes: [UInt8]) -> [[UInt8]] {
        stride(from: 0, to: bytes.count, by: options.bufferSize).map {
            Array(bytes[$0..<min(bytes.count, $0 + options.bufferSize)])
        }
    }

    private func measure(_ workload: Workload, kind: StreamGenerator.Kind, buffers: [[UInt8]], byteCount: Int, runs: Int) -> Measurement {
        var times: [Double] = []
        var wallTimes: [Double] = []
        var chunks = 0
        var checksum = 0
        _ = workload.run(buffers)  // warm-up
        for _ in 0..<runs {
            let clock = ContinuousClock()
            let cpuStart = Self.threadCPUSeconds()
            let start = clock.now
            let result = workload.run(buffers)
            let elapsed = start.duration(to: clock.now)
            times.append(Self.threadCPUSeconds() - cpuStart)
            wallTimes.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            chunks = result.chunks
            checksum &+= result.checksum
        }
        if checksum == 42 { print("") }  // keeps the result observable
        times.sort()
        return Measurement(stream: kind.rawValue, workload: workload.rawValue, chunks: chunks, bytes: byteCount,
                           best: times[0], median: times[times.count / 2], wallBest: wallTimes.min() ?? times[0])
    }

    /// CPU time consumed by the calling thread so far, in seconds.
    private static func threadCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    private func printLine(_ m: Measurement) {
        let title = Workload(rawValue: m.workload)?.title ?? m.workload
        print("  \(pad(title, 34)) \(pad(format(rate: m.chunksPerSecond), 11, right: true)) chunks/s  \(String(format: "%7.1f", m.megabytesPerSecond)) MB/s  \(String(format: "%6.1f", m.nanosPerChunk)) ns/chunk  [\(format(rate: Double(m.chunks) / m.median))]  wall \(format(rate: Double(m.chunks) / m.wallBest))/s")
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }

    private func format(rate: Double) -> String {
        let digits = String(Int(rate.rounded()))
        var grouped = ""
        for (offset, character) in digits.reversed().enumerated() {
            if offset > 0 && offset % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return String(grouped.reversed())
    }

    private func format(bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }
}
