/// The parsed `config.toml`: named profiles and the default profile name.
public struct ChunkScopeConfig: Sendable, Equatable {
    /// The file the config came from, as shown in messages.
    public var path: String
    /// The top-level `default_profile`.
    public var defaultProfile: String?
    /// The line of `default_profile`, for error messages.
    public var defaultProfileLine: Int?
    /// Profiles in file order.
    public var profiles: [Profile]

    /// A config with no profiles.
    public init(path: String, defaultProfile: String? = nil, profiles: [Profile] = []) {
        self.path = path
        self.defaultProfile = defaultProfile
        self.profiles = profiles
    }

    /// The profile named `name`, if the file defines it.
    public func profile(named name: String) -> Profile? {
        profiles.first(where: { $0.name == name })
    }

    /// True when any profile names a key source (env var or command) or carries a credential in a
    /// header: such a file should not be readable by group or others.
    public var referencesCredentials: Bool {
        profiles.contains { profile in
            profile.hasCredentialSource || profile.headers.contains {
                Redaction.isSensitiveHeaderName($0.name) || Redaction.looksLikeCredential($0.value)
            }
        }
    }
}
