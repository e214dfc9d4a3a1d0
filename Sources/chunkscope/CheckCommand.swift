import ArgumentParser

// Placeholder owned by the helper that builds `chunkscope check`; replaced by the real command.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check")
    func run() async throws { throw ValidationError("`chunkscope check` is not built yet") }
}
