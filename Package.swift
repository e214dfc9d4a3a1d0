// swift-tools-version: 6.1
// ChunkScope: a terminal dashboard for OpenAI-compatible streaming chat completions.
//
// Targets follow the data flow (see README "Architecture"):
//   ChunkScopeCore      pure: SSE → chunks → accumulation, lint, metrics, session actor, view model
//   ChunkScopeUI        pure: cells, grid, layout, pane renderers, display width, sanitising, themes
//   TerminalBackend     the only ncurses user: grid → screen, keys/mouse → KeyEvent
//   ChunkScopeTransport libcurl: request → StreamInput (status, headers, body bytes)
//   MockProvider        SwiftNIO OpenAI-compatible server with scenarios (offline default)
//   ChunkScopeHistory   GRDB/SQLite: conversations and exchanges kept as they stream
//   Dashboard           wires it together: the app loop on the main actor
//   chunkscope          thin executable (swift-argument-parser)
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "ChunkScope",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "chunkscope", targets: ["chunkscope"]),
        .executable(name: "chunkscope-bench", targets: ["chunkscope-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .target(name: "ChunkScopeCore", swiftSettings: strict),
        .target(name: "ChunkScopeUI", dependencies: ["ChunkScopeCore"], swiftSettings: strict),
        .systemLibrary(
            name: "CNcursesw", pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]),
        .target(name: "TerminalBackend", dependencies: ["CNcursesw", "ChunkScopeUI"], swiftSettings: strict),
        .systemLibrary(
            name: "CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "ChunkScopeTransport", dependencies: ["CCurl", "ChunkScopeCore"], swiftSettings: strict),
        .target(
            name: "MockProvider",
            dependencies: [
                "ChunkScopeCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ], swiftSettings: strict),
        .target(
            name: "ChunkScopeHistory",
            dependencies: ["ChunkScopeCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict),
        .target(
            name: "Dashboard",
            dependencies: ["ChunkScopeCore", "ChunkScopeUI", "TerminalBackend", "ChunkScopeTransport", "MockProvider"],
            swiftSettings: strict),
        .executableTarget(
            name: "chunkscope",
            dependencies: [
                "ChunkScopeCore", "ChunkScopeTransport", "MockProvider", "Dashboard", "ChunkScopeHistory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ], swiftSettings: strict),
        .executableTarget(name: "chunkscope-bench", dependencies: ["ChunkScopeCore"], swiftSettings: strict),
        .executableTarget(name: "chunkscope-bench-ui", dependencies: ["ChunkScopeCore", "ChunkScopeUI"], swiftSettings: strict),
        .testTarget(
            name: "ChunkScopeCoreTests",
            dependencies: ["ChunkScopeCore", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: strict),
        .testTarget(
            name: "ChunkScopeUITests", dependencies: ["ChunkScopeUI", "ChunkScopeCore", "TerminalBackend"],
            exclude: ["Goldens"], swiftSettings: strict),
        .testTarget(name: "TransportTests", dependencies: ["ChunkScopeTransport", "MockProvider", "ChunkScopeCore", "ChunkScopeHistory"], swiftSettings: strict),
        .testTarget(name: "HistoryTests", dependencies: ["ChunkScopeHistory", "ChunkScopeCore"], swiftSettings: strict),
        .testTarget(name: "EndToEndTests", dependencies: ["ChunkScopeCore", "ChunkScopeUI", "Dashboard"], swiftSettings: strict),
        // The fuzz entry points and their crasher replay; Scripts/fuzz builds the libFuzzer binaries from Harness/.
        .testTarget(
            name: "FuzzRegressionTests", dependencies: ["ChunkScopeCore", "ChunkScopeUI", "ChunkScopeTransport"],
            path: "Tests/Fuzz", exclude: ["Harness", "Crashers", "Seeds"], swiftSettings: strict),
    ]
)
