import ChunkScopeCore
import ChunkScopeTransport
import Foundation
import Testing

extension TransportTests {
    /// Real child processes through `ToolCommandRunner`: stdin, stdout, exit status, timeouts,
    /// process-group kills and cancellation.
    @Suite("Tool command runner")
    struct ToolCommandRunnerTests {
        static func shell(_ line: String, timeout: Duration = .seconds(10)) -> ToolCommand {
            .shell(line, confirm: false, timeout: timeout)
        }

        @Test("the call's arguments arrive on stdin byte-exact; stdout is the result without trailing line breaks")
        func stdinToStdout() async {
            let arguments = #"{"city":"Paris","note":"é ✓ \"quoted\"\n"}"#
            #expect(await ToolCommandRunner.run(ToolCommand(argv: ["cat"]), arguments: arguments) == .output(arguments))
            #expect(await ToolCommandRunner.run(Self.shell("printf 'sunny, 21 C\\n\\n'"), arguments: "{}") == .output("sunny, 21 C"))
            #expect(await ToolCommandRunner.run(Self.shell("cat; printf ' and more'"), arguments: "") == .output(" and more"))
        }

        @Test("argv runs without a shell: metacharacters stay literal")
        func argvWithoutShell() async {
            let result = await ToolCommandRunner.run(ToolCommand(argv: ["printf", "%s|", "$HOME", "a b", "*"]), arguments: "")
            #expect(result == .output("$HOME|a b|*|"))
        }

        @Test("a non-zero exit fails with its status and stderr (credentials redacted)")
        func nonZeroExit() async {
            let result = await ToolCommandRunner.run(
                Self.shell("echo partial; echo 'city not found' >&2; echo 'key sk-proj-abcdefghijklmnop0123' >&2; exit 3"),
                arguments: "{}")
            guard case .failed(let message) = result else {
                Issue.record("expected a failure, got \(result)")
                return
            }
            #expect(message.hasPrefix("exited with status 3: city not found / key "))
            #expect(!message.contains("sk-proj-abcdefghijklmnop0123"))
        }

        @Test("a program that cannot be started fails with the reason")
        func spawnFailure() async {
            let result = await ToolCommandRunner.run(ToolCommand(argv: ["/nonexistent/weather-tool"]), arguments: "{}")
            #expect(result == .failed("could not start /nonexistent/weather-tool: No such file or directory"))
            #expect(await ToolCommandRunner.run(ToolCommand(argv: []), arguments: "") == .failed("the tool command is empty"))
        }

        @Test("a signal death is reported")
        func killedBySignal() async {
            let result = await ToolCommandRunner.run(Self.shell("kill -TERM $$"), arguments: "")
            #expect(result == .failed("killed by signal 15"))
        }

        @Test("a command that ignores a large stdin neither blocks nor raises SIGPIPE")
        func ignoredStdin() async {
            let big = String(repeating: "x", count: 4 << 20)
            #expect(await ToolCommandRunner.run(Self.shell("exit 0"), arguments: big) == .output(""))
            let clock = ContinuousClock()
            let start = clock.now
            let stuck = await ToolCommandRunner.run(Self.shell("sleep 20", timeout: .milliseconds(300)), arguments: big)
            #expect(stuck == .failed("timed out after 0.3 s (the command was killed)"))
            #expect(clock.now - start < .seconds(5))
        }

        @Test("on timeout the whole process group is killed, background children included")
        func timeoutKillsGroup() async throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("toolcmd-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let pidFile = directory.appendingPathComponent("child.pid").path
            let clock = ContinuousClock()
            let start = clock.now
            let result = await ToolCommandRunner.run(
                Self.shell("sleep 60 & echo $! > '\(pidFile)'; wait", timeout: .milliseconds(500)), arguments: "")
            #expect(result == .failed("timed out after 0.5 s (the command was killed)"))
            #expect(clock.now - start < .seconds(5))
            let text = try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            let child = try #require(Int32(text))
            #expect(await Self.isGone(child), "the background sleep \(child) survived the timeout")
        }

        @Test("cancelling the task kills the command")
        func cancellation() async {
            let clock = ContinuousClock()
            let start = clock.now
            let task = Task { await ToolCommandRunner.run(Self.shell("sleep 30"), arguments: "") }
            try? await Task.sleep(for: .milliseconds(200))
            task.cancel()
            #expect(await task.value == .failed("cancelled (the command was killed)"))
            #expect(clock.now - start < .seconds(5))
        }

        @Test("output beyond the limit stops the command")
        func outputLimit() async {
            let result = await ToolCommandRunner.run(Self.shell("yes"), arguments: "")
            #expect(result == .failed("printed more than 1024 KiB on stdout (the command was killed)"))
        }

        @Test("stdin is a pipe, never the terminal, and the command leads its own process group")
        func isolation() async {
            let result = await ToolCommandRunner.run(
                Self.shell(#"[ -p /dev/stdin ] && echo pipe; [ "$(ps -o pgid= -p $$ | tr -d ' ')" = "$$" ] && echo leader"#),
                arguments: "")
            #expect(result == .output("pipe\nleader"))
        }

        /// True once `pid` no longer exists or is a zombie waiting for init (polls up to 3 s).
        static func isGone(_ pid: Int32) async -> Bool {
            for _ in 0..<60 {
                guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
                if let close = stat.lastIndex(of: ")"), stat[close...].dropFirst(2).first == "Z" { return true }
                try? await Task.sleep(for: .milliseconds(50))
            }
            return false
        }
    }
}
