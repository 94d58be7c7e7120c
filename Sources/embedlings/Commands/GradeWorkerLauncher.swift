import Course
import Foundation

/// Starts `embedlings grade-worker` for one submission and turns whatever happens to it into
/// a grade: its JSON when it finishes, `timeout` when it outlives its time, `crashed` when it
/// dies or prints something that is not a grade.
struct GradeWorkerLauncher: Sendable {
    /// Global options (`--endpoint`, `--data-dir`) the workers must share with the parent.
    let passThrough: [String]

    /// This very binary.
    private var executable: URL {
        Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    }

    func grade(_ job: GradingJob, runSeconds: Double) async -> SubmissionGrade {
        let started = Date()
        func failure(_ status: SubmissionStatus, _ feedback: String) -> SubmissionGrade {
            SubmissionGrade(exercise: job.exercise, file: job.file, status: status, checksPassed: 0, checksTotal: 0,
                            feedback: feedback, durationSeconds: Date().timeIntervalSince(started))
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["grade-worker"] + passThrough + ["--exercise", job.exercise, job.file]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        // The setup and the solution run too, so allow three runs plus the process start.
        let deadline = runSeconds * 3 + 15
        let finished: Bool = await withCheckedContinuation { continuation in
            let once = ResumeOnce(continuation)
            process.terminationHandler = { _ in once.resume(true) }
            do {
                try process.run()
            } catch {
                once.resume(false)
                return
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + deadline) {
                if process.isRunning {
                    kill(process.processIdentifier, SIGKILL)
                    once.resume(false)
                }
            }
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        if !finished {
            return failure(.timeout, "The submission did not finish within \(Int(deadline)) seconds and was stopped.")
        }
        if process.terminationReason == .uncaughtSignal {
            return failure(.crashed, "Grading this submission crashed (signal \(process.terminationStatus)); it was not judged.")
        }
        guard var grade = try? JSONDecoder().decode(SubmissionGrade.self, from: data) else {
            return failure(.crashed, "Grading this submission failed (exit status \(process.terminationStatus)); it was not judged.")
        }
        grade.file = job.file
        return grade
    }
}

/// Resumes a continuation exactly once, whichever of the process's end or the deadline comes first.
private final class ResumeOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Bool, Never>?

    init(_ continuation: CheckedContinuation<Bool, Never>) {
        self.continuation = continuation
    }

    func resume(_ value: Bool) {
        lock.lock()
        let pending = continuation
        continuation = nil
        lock.unlock()
        pending?.resume(returning: value)
    }
}
