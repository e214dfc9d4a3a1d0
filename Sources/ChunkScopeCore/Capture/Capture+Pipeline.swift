extension Capture {
    /// True when the recorded request asked for the usage trailer (`stream_options.include_usage`).
    public var requestedUsage: Bool {
        guard let body = request?.body, let json = try? JSONParser.parse(body) else { return false }
        return json["stream_options"]?["include_usage"] == .bool(true)
    }

    /// The capture run through a fresh pipeline, each input at its recorded time (a plain `.sse`
    /// file, which has no timing, is fed at time 0 as `chunkscope check` always did).
    public func pipeline(options: PipelineOptions) -> StreamPipeline {
        var pipeline = StreamPipeline(options: options)
        var last: UInt64 = 0
        for timed in inputs {
            last = hasTiming ? timed.offset : 0
            pipeline.handle(timed.input, at: last)
        }
        pipeline.finish(at: last)
        return pipeline
    }

    /// The headless check result for the capture.
    public func report(options: PipelineOptions) -> CheckReport {
        pipeline(options: options).report()
    }
}
