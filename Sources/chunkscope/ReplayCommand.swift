import ArgumentParser

// Placeholder owned by the helper that builds `chunkscope replay`; replaced by the real command.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "replay")
    func run() async throws { throw ValidationError("`chunkscope replay` is not built yet") }
}
