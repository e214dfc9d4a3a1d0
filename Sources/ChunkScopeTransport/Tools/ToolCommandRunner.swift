import ChunkScopeCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What running a tool command produced.
public enum ToolCommandResult: Sendable, Equatable {
    /// The command exited 0; its stdout without trailing line breaks.
    case output(String)
    /// It could not be started, exited non-zero (with its stderr), was killed, timed out, printed too
    /// much or was cancelled: a one-line explanation the user can read and edit before it is sent.
    case failed(String)
}

/// Runs a `ToolCommand` for one tool call: the call's arguments go to the command's stdin, its
/// stdout is the result. The child gets pipes for stdin, stdout and stderr (never the terminal),
/// runs in its own process group, and the whole group is killed on timeout or task cancellation.
public enum ToolCommandRunner {
    /// The most stdout a command may print before it is killed (the result goes into a request).
    public static let outputLimit = 1 << 20
    /// How much of stderr a failure message quotes.
    static let stderrQuoteLimit = 400

    /// Runs `command` with `arguments` on its stdin, on a dedicated thread (never blocking the pool).
    public static func run(_ command: ToolCommand, arguments: String) async -> ToolCommandResult {
        let cancellation = CancellationFlag()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<ToolCommandResult, Never>) in
                Thread.detachNewThread {
                    continuation.resume(returning: ChildProcess.run(command, input: Array(arguments.utf8), cancellation: cancellation))
                }
            }
        } onCancel: {
            cancellation.cancel()
        }
    }
}

/// Set from a task's cancellation handler, polled by the thread that supervises the child.
final class CancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    func cancel() { lock.withLock { cancelled = true } }
    var isCancelled: Bool { lock.withLock { cancelled } }
}

/// The blocking half: spawn, feed stdin, collect stdout/stderr with `poll`, enforce the deadline.
private enum ChildProcess {
    /// How often the supervising loop wakes to check the deadline and cancellation.
    static let pollIntervalMilliseconds: Int32 = 20

    static func run(_ command: ToolCommand, input: [UInt8], cancellation: CancellationFlag) -> ToolCommandResult {
        guard let program = command.argv.first, !program.isEmpty else { return .failed("the tool command is empty") }
        // A write to a stdin the child has closed raises SIGPIPE; block it on this thread only so that
        // the write fails with EPIPE instead (the child's mask is reset by posix_spawn below).
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        let masked = pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
        guard masked == 0 else { return .failed("could not prepare to run \(program): \(SystemError(code: masked).description)") }

        let pipes: (stdin: PipePair, stdout: PipePair, stderr: PipePair)
        do {
            pipes = (try PipePair(), try PipePair(), try PipePair())
        } catch {
            return .failed("could not create pipes for \(program): \(error.description)")
        }
        defer {
            for fd in [pipes.stdin.read, pipes.stdin.write, pipes.stdout.read, pipes.stdout.write,
                       pipes.stderr.read, pipes.stderr.write] where fd.value >= 0 {
                close(fd.value)
            }
        }
        let pid: pid_t
        switch spawn(command.argv, stdin: pipes.stdin.read.value, stdout: pipes.stdout.write.value,
                     stderr: pipes.stderr.write.value) {
        case .success(let spawned): pid = spawned
        case .failure(let error): return .failed("could not start \(program): \(error.description)")
        }
        // The child holds its ends now; closing ours lets EOF arrive when it exits.
        pipes.stdin.read.closeNow()
        pipes.stdout.write.closeNow()
        pipes.stderr.write.closeNow()
        // A child that never reads stdin must not block the supervisor past the deadline.
        guard fcntl(pipes.stdin.write.value, F_SETFL, O_NONBLOCK) == 0 else {
            let error = SystemError(code: errno)
            return killGroup(pid, reason: .systemCallFailed("fcntl", error), command: command)
        }

        let deadline = ContinuousClock.now + command.timeout
        var streams = Streams(stdin: pipes.stdin.write, stdout: pipes.stdout.read, stderr: pipes.stderr.read, input: input)
        let outcome = streams.pump(until: deadline, cancellation: cancellation)
        let status: Int32
        switch outcome {
        case .finished:
            guard let exited = waitForExit(pid, until: deadline, cancellation: cancellation) else {
                return killGroup(pid, reason: cancellation.isCancelled ? .cancelled : .timedOut, command: command)
            }
            status = exited
        case .stopped(let reason):
            return killGroup(pid, reason: reason, command: command)
        }
        return result(status: status, stdout: streams.stdout.bytes, stderr: streams.stderr.bytes)
    }

    /// Why the supervisor stopped the child early.
    enum StopReason {
        case timedOut
        case cancelled
        case tooMuchOutput
        case systemCallFailed(String, SystemError)

        func message(for command: ToolCommand) -> String {
            switch self {
            case .timedOut: "timed out after \(command.timeoutDescription) (the command was killed)"
            case .cancelled: "cancelled (the command was killed)"
            case .tooMuchOutput: "printed more than \(ToolCommandRunner.outputLimit / 1024) KiB on stdout (the command was killed)"
            case .systemCallFailed(let call, let error): "\(call) failed: \(error.description) (the command was killed)"
            }
        }
    }

    static func killGroup(_ pid: pid_t, reason: StopReason, command: ToolCommand) -> ToolCommandResult {
        // The child leads its own group (POSIX_SPAWN_SETPGROUP), so -pid reaches its children too.
        // If the group is gone already, the child itself may still need the signal; either way it is reaped.
        if kill(-pid, SIGKILL) != 0 { kill(pid, SIGKILL) }
        reap(pid)
        return .failed(reason.message(for: command))
    }

    /// The exit status once the child has exited, or nil when the deadline passed or the run was cancelled.
    static func waitForExit(_ pid: pid_t, until deadline: ContinuousClock.Instant, cancellation: CancellationFlag) -> Int32? {
        while true {
            var status: Int32 = 0
            let waited = waitpid(pid, &status, WNOHANG)
            if waited == pid { return status }
            if waited < 0 && errno != EINTR { return nil }
            if ContinuousClock.now >= deadline || cancellation.isCancelled { return nil }
            usleep(UInt32(pollIntervalMilliseconds) * 1000)
        }
    }

    /// Blocks until `pid` is reaped; the status, or nil if it could not be waited for.
    @discardableResult
    static func reap(_ pid: pid_t) -> Int32? {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return nil }
        }
        return status
    }

    static func result(status: Int32, stdout: [UInt8], stderr: [UInt8]) -> ToolCommandResult {
        let signal = status & 0x7f
        let errorText = quoted(stderr)
        let detail = errorText.isEmpty ? "" : ": " + errorText
        if signal != 0 { return .failed("killed by signal \(signal)\(detail)") }
        let code = (status >> 8) & 0xff
        guard code == 0 else { return .failed("exited with status \(code)\(detail)") }
        var text = String(decoding: stdout, as: UTF8.self)
        while text.last == "\n" || text.last == "\r\n" || text.last == "\r" { text.removeLast() }
        return .output(text)
    }

    /// The start of stderr as one redacted line.
    static func quoted(_ stderr: [UInt8]) -> String {
        let text = String(decoding: stderr.prefix(ToolCommandRunner.stderrQuoteLimit), as: UTF8.self)
        let oneLine = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " / ")
        return Redaction.redactText(oneLine)
    }

    static func spawn(_ argv: [String], stdin: Int32, stdout: Int32, stderr: Int32) -> Result<pid_t, SystemError> {
        var actions = posix_spawn_file_actions_t()
        var code = posix_spawn_file_actions_init(&actions)
        guard code == 0 else { return .failure(SystemError(code: code)) }
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (fd, target) in [(stdin, STDIN_FILENO), (stdout, STDOUT_FILENO), (stderr, STDERR_FILENO)] {
            code = posix_spawn_file_actions_adddup2(&actions, fd, target)
            guard code == 0 else { return .failure(SystemError(code: code)) }
        }
        var attributes = posix_spawnattr_t()
        code = posix_spawnattr_init(&attributes)
        guard code == 0 else { return .failure(SystemError(code: code)) }
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGCHLD] { sigaddset(&defaults, signal) }
        let flags = Int32(POSIX_SPAWN_SETPGROUP) | Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF)
        code = posix_spawnattr_setflags(&attributes, Int16(flags))
        if code == 0 { code = posix_spawnattr_setpgroup(&attributes, 0) }
        if code == 0 { code = posix_spawnattr_setsigmask(&attributes, &emptyMask) }
        if code == 0 { code = posix_spawnattr_setsigdefault(&attributes, &defaults) }
        guard code == 0 else { return .failure(SystemError(code: code)) }
        let environment = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
        var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) }
        var cEnvironment: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) }
        defer { for pointer in cArguments + cEnvironment { free(pointer) } }
        guard !(cArguments + cEnvironment).contains(where: { $0 == nil }) else { return .failure(SystemError(code: ENOMEM)) }
        cArguments.append(nil)
        cEnvironment.append(nil)
        var pid: pid_t = 0
        code = cArguments.withUnsafeMutableBufferPointer { arguments in
            cEnvironment.withUnsafeMutableBufferPointer { environment in
                guard let file = arguments[0], let argvBase = arguments.baseAddress, let envBase = environment.baseAddress else {
                    return EINVAL
                }
                return posix_spawnp(&pid, file, &actions, &attributes, argvBase, envBase)
            }
        }
        guard code == 0 else { return .failure(SystemError(code: code)) }
        return .success(pid)
    }
}

/// An errno value with its `strerror` text.
struct SystemError: Error, CustomStringConvertible {
    var code: Int32
    var description: String { String(cString: strerror(code)) }
}

/// A file descriptor the supervisor may close early; -1 once closed.
private final class Descriptor {
    var value: Int32
    init(_ value: Int32) { self.value = value }
    func closeNow() {
        if value >= 0 { close(value) }
        value = -1
    }
}

/// A close-on-exec pipe (the child only gets the ends `posix_spawn` duplicates onto 0, 1 and 2).
private struct PipePair {
    let read: Descriptor
    let write: Descriptor

    init() throws(SystemError) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw SystemError(code: errno) }
        for fd in fds where fcntl(fd, F_SETFD, FD_CLOEXEC) != 0 {
            let code = errno
            close(fds[0])
            close(fds[1])
            throw SystemError(code: code)
        }
        read = Descriptor(fds[0])
        write = Descriptor(fds[1])
    }
}

/// Feeds the child's stdin and drains its stdout and stderr until both reach end of file.
private struct Streams {
    /// One output pipe and what has been read from it.
    struct Output {
        let descriptor: Descriptor
        var bytes: [UInt8] = []
    }

    enum Outcome {
        case finished
        case stopped(ChildProcess.StopReason)
    }

    let stdin: Descriptor
    var stdout: Output
    var stderr: Output
    let input: [UInt8]
    var written = 0

    init(stdin: Descriptor, stdout: Descriptor, stderr: Descriptor, input: [UInt8]) {
        self.stdin = stdin
        self.stdout = Output(descriptor: stdout)
        self.stderr = Output(descriptor: stderr)
        self.input = input
        if input.isEmpty { stdin.closeNow() }
    }

    mutating func pump(until deadline: ContinuousClock.Instant, cancellation: CancellationFlag) -> Outcome {
        while stdout.descriptor.value >= 0 || stderr.descriptor.value >= 0 {
            if cancellation.isCancelled { return .stopped(.cancelled) }
            guard ContinuousClock.now < deadline else { return .stopped(.timedOut) }
            var fds: [pollfd] = []
            if stdin.value >= 0 { fds.append(pollfd(fd: stdin.value, events: Int16(POLLOUT), revents: 0)) }
            for output in [stdout, stderr] where output.descriptor.value >= 0 {
                fds.append(pollfd(fd: output.descriptor.value, events: Int16(POLLIN), revents: 0))
            }
            let ready = poll(&fds, nfds_t(fds.count), ChildProcess.pollIntervalMilliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                return .stopped(.systemCallFailed("poll", SystemError(code: errno)))
            }
            for entry in fds where entry.revents != 0 {
                if entry.fd == stdin.value {
                    writeInput()
                } else if entry.fd == stdout.descriptor.value {
                    Self.drain(&stdout)
                    if stdout.bytes.count > ToolCommandRunner.outputLimit { return .stopped(.tooMuchOutput) }
                } else if entry.fd == stderr.descriptor.value {
                    Self.drain(&stderr)
                    if stderr.bytes.count > ToolCommandRunner.stderrQuoteLimit * 4 {
                        stderr.bytes.removeLast(stderr.bytes.count - ToolCommandRunner.stderrQuoteLimit * 4)
                    }
                }
            }
        }
        stdin.closeNow()
        return .finished
    }

    /// Writes what the pipe takes; closes stdin when all is written or the child stopped reading.
    mutating func writeInput() {
        let count = input.count - written
        let result = input.withUnsafeBytes { buffer in
            write(stdin.value, buffer.baseAddress.map { $0 + written }, count)
        }
        if result > 0 {
            written += result
            if written == input.count { stdin.closeNow() }
        } else if result < 0 && errno != EAGAIN && errno != EINTR {
            // EPIPE: the command does not read its arguments, which is its right.
            stdin.closeNow()
            var pending = sigset_t()
            sigemptyset(&pending)
            sigaddset(&pending, SIGPIPE)
            Self.consumePendingSignal(&pending)
        }
    }

    /// Takes the SIGPIPE the failed write left pending on this thread (it is blocked here), so it
    /// never reaches the process.
    static func consumePendingSignal(_ signals: inout sigset_t) {
        #if canImport(Glibc)
        var zero = timespec(tv_sec: 0, tv_nsec: 0)
        _ = sigtimedwait(&signals, nil, &zero)
        #else
        var pending = sigset_t()
        guard sigpending(&pending) == 0, sigismember(&pending, SIGPIPE) == 1 else { return }
        var taken: Int32 = 0
        _ = sigwait(&signals, &taken)
        #endif
    }

    /// Reads one buffer from `output`; closes it at end of file or on a read error.
    static func drain(_ output: inout Output) {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { read(output.descriptor.value, $0.baseAddress, $0.count) }
        if count > 0 {
            output.bytes.append(contentsOf: buffer[0..<count])
        } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
            output.descriptor.closeNow()
        }
    }
}
