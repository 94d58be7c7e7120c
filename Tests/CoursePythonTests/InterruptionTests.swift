import DifferentialSupport
import Foundation
import Testing
import CoursePython
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C stops the running program, however it loops, and nothing else.
@Suite struct InterruptionTests {
    /// Budgets that cannot end the program before the interruption does.
    private static let roomy = SandboxLimits(maxSteps: .max, maxSeconds: 60)

    @Test("an endless loop stops with KeyboardInterrupt when its run's interruption is raised, and what ran before is kept")
    func endlessLoopStops() {
        let python = Interpreter(limits: Self.roomy)
        let interruption = RunInterruption()
        Self.raise(interruption, after: 0.2)
        let started = Date()
        let result = RunInterruption.$current.withValue(interruption) {
            python.run("before = 1\nwhile True:\n    pass\n")
        }
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(result.wasInterrupted)
        #expect(result.error?.typeName == "KeyboardInterrupt")
        #expect(result.error?.summary == "KeyboardInterrupt")
        #expect(result.error?.isSandboxLimit == false)
        #expect(python["before"]?.intValue == 1)
    }

    @Test("no except clause can catch the stop, while a KeyboardInterrupt the program raises itself stays catchable")
    func catchingDoesNotHelp() {
        let python = Interpreter(limits: Self.roomy)
        let interruption = RunInterruption()
        Self.raise(interruption, after: 0.2)
        let result = RunInterruption.$current.withValue(interruption) {
            python.run("""
                caught = 0
                while True:
                    try:
                        while True:
                            pass
                    except BaseException:
                        caught += 1
                    except:
                        pass
                """)
        }
        #expect(result.wasInterrupted)
        #expect(result.error?.typeName == "KeyboardInterrupt")
        #expect(python["caught"]?.intValue == 0)

        let ownRaise = python.run("try:\n    raise KeyboardInterrupt\nexcept KeyboardInterrupt:\n    handled = True\n")
        #expect(ownRaise.error == nil)
        #expect(python["handled"]?.boolValue == true)
    }

    @Test("a run with no interruption in scope, or one never raised, is not marked interrupted")
    func quietRunsAreUnmarked() {
        let python = Interpreter()
        #expect(!python.run("x = 1").wasInterrupted)
        let result = RunInterruption.$current.withValue(RunInterruption()) { python.run("y = 2") }
        #expect(!result.wasInterrupted)
        #expect(result.error == nil)
        #expect(python["y"]?.intValue == 2)
    }

    @Test("a real SIGINT inside InterruptKey.stopsRuns stops the run, the process lives on, and SIGINT is ignored again afterwards")
    func realSignalStopsTheRun() {
        let original = signal(SIGINT, SIG_IGN)
        defer { signal(SIGINT, original) }
        let python = Interpreter(limits: Self.roomy)
        let process = getpid()
        DelayedAction.run(after: 0.3) { kill(process, SIGINT) }
        let started = Date()
        let (result, interrupted) = InterruptKey.stopsRuns {
            python.run("while True:\n    pass\n")
        }
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(interrupted)
        #expect(result.wasInterrupted)
        #expect(result.error?.typeName == "KeyboardInterrupt")

        #if canImport(Glibc)
        var disposition = sigaction()
        sigaction(SIGINT, nil, &disposition)
        #expect(unsafeBitCast(disposition.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self))
        #endif
        let next = python.run("after = 3")
        #expect(next.error == nil && !next.wasInterrupted)
    }

    /// Raises `interruption` from a thread of its own after `seconds`, as the signal relay does
    /// (`DelayedAction`: a thread of its own).
    private static func raise(_ interruption: RunInterruption, after seconds: Double) {
        DelayedAction.run(after: seconds) { interruption.raise() }
    }
}
