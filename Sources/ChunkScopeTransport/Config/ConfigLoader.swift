import ChunkScopeCore
import Foundation

/// Finds, reads and checks the config file, then resolves the connection: the I/O half of
/// ChunkScopeCore's pure `ChunkScopeConfig` / `ProfileResolver`.
public enum ConfigLoader {
    /// `$XDG_CONFIG_HOME/chunkscope/config.toml`, else `~/.config/chunkscope/config.toml`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let override = environment["CHUNKSCOPE_CONFIG"], !override.isEmpty { return override }
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/chunkscope/config.toml" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.config/chunkscope/config.toml"
    }

    /// The parsed config and any warnings, or nil when the file does not exist.
    public static func load(path: String) throws(ConfigError) -> (config: ChunkScopeConfig, warnings: [String])? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, message: "cannot read the file (check its permissions)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, message: "the file is not valid UTF-8")
        }
        let config = try ChunkScopeConfig.parse(text, path: path)
        var warnings: [String] = []
        if config.referencesCredentials, let mode = permissions(of: path), mode & 0o077 != 0 {
            warnings.append("\(path) names API key sources and is readable by group/others (mode \(String(mode, radix: 8))); run: chmod 600 \(path)")
        }
        return (config, warnings)
    }

    /// Loads the config (if any) and resolves `overrides` against it and the environment. A
    /// file named by `path` (`--config`) or `CHUNKSCOPE_CONFIG` must exist; only the default
    /// location may be absent (then the built-in defaults and the mock apply).
    public static func resolve(_ overrides: ConnectionOverrides,
                               environment: [String: String] = ProcessInfo.processInfo.environment,
                               path: String? = nil) throws(ConfigError) -> ResolvedProfile {
        let file = path ?? defaultPath(environment: environment)
        let loaded = try load(path: file)
        if loaded == nil, let chosenBy = chooser(path: path, environment: environment) {
            throw ConfigError(file: file, message: "no such config file (named by \(chosenBy))")
        }
        let resolver = ProfileResolver(config: loaded?.config, environment: environment, loadWarnings: loaded?.warnings ?? []) {
            try KeyCommand.run($0)
        }
        return try resolver.resolve(overrides)
    }

    /// `resolve` on a dedicated thread, so a slow `api_key_cmd` never blocks Swift's cooperative pool.
    public static func resolveOffPool(_ overrides: ConnectionOverrides,
                                      environment: [String: String] = ProcessInfo.processInfo.environment,
                                      path: String? = nil) async throws(ConfigError) -> ResolvedProfile {
        let result: Result<ResolvedProfile, ConfigError> = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                do throws(ConfigError) {
                    continuation.resume(returning: .success(try resolve(overrides, environment: environment, path: path)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try result.get()
    }

    /// What named the config file explicitly (`--config` or `CHUNKSCOPE_CONFIG`), or nil for
    /// the default location.
    private static func chooser(path: String?, environment: [String: String]) -> String? {
        if path != nil { return "--config" }
        if let override = environment["CHUNKSCOPE_CONFIG"], !override.isEmpty { return "CHUNKSCOPE_CONFIG" }
        return nil
    }

    private static func permissions(of path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
    }
}
