import ArgumentParser

// Placeholder owned by the helper that builds `chunkscope dashboard`; replaced by the real command.
struct DashboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dashboard")
    func run() async throws { throw ValidationError("`chunkscope dashboard` is not built yet") }
}
