import ArgumentParser

// Placeholder owned by the helper that builds `chunkscope mock-server`; replaced by the real command.
struct MockServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mock-server")
    func run() async throws { throw ValidationError("`chunkscope mock-server` is not built yet") }
}
