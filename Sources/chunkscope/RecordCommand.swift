import ArgumentParser

// Placeholder owned by the helper that builds `chunkscope record`; replaced by the real command.
struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "record")
    func run() async throws { throw ValidationError("`chunkscope record` is not built yet") }
}
