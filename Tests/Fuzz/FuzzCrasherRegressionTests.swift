import Foundation
import Testing

/// Every input the fuzzers ever crashed on (`Crashers/<target>/`, minimised) and every seed
/// (`Seeds/<target>/`) goes through the same entry point as in the libFuzzer binary; a crash or a
/// broken invariant (`fatalError`) fails the run.
@Suite("Fuzz crashers and seeds replayed through the fuzz entry points", .timeLimit(.minutes(2)))
struct FuzzCrasherRegressionTests {
    static let fuzzDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// The files of `folder/<target>/`, sorted (none when the folder does not exist).
    static func inputs(_ folder: String, _ target: FuzzTarget) -> [URL] {
        let directory = fuzzDirectory.appendingPathComponent(folder).appendingPathComponent(target.rawValue)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().filter { !$0.hasPrefix(".") }.map { directory.appendingPathComponent($0) }
    }

    @Test("crashers", arguments: FuzzTarget.allCases)
    func crashers(target: FuzzTarget) throws {
        for file in Self.inputs("Crashers", target) {
            target.run(try [UInt8](Data(contentsOf: file)))
        }
    }

    @Test("seeds", arguments: FuzzTarget.allCases)
    func seeds(target: FuzzTarget) throws {
        let files = Self.inputs("Seeds", target)
        #expect(!files.isEmpty, "no seeds for \(target.rawValue)")
        for file in files {
            target.run(try [UInt8](Data(contentsOf: file)))
        }
    }

    @Test("the crasher folders hold the inputs that crashed before the fixes")
    func crashersArePresent() {
        #expect(Self.inputs("Crashers", .tomlConfig).count >= 3)
    }
}
