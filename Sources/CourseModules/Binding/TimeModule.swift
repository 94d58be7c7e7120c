import CoursePython
import Foundation

/// The `time` module: `sleep` (capped so a lesson never hangs; the cap is reported), `time`, `perf_counter`.
enum TimeModule {
    /// The longest a single `time.sleep` really waits: one second, and never more than a quarter
    /// of the run's time budget, so a sleeping lesson cannot run into the sandbox's clock.
    static func sleepCap(_ runtime: Runtime) -> Double { min(1.0, runtime.limits.maxSeconds / 4) }

    static func load(runtime: Runtime) throws -> PyModule {
        let module = PyModule(name: "time", doc: "sleep(seconds) (shortened to at most 1 s here), time(), perf_counter().")
        module.addFunction("sleep", doc: "sleep(seconds): pause; waits longer than 1 s are shortened, and a line says so.") { arguments, runtime in
            try arguments.expectExactly(1, "sleep")
            guard let seconds = NumPyConversions.number(arguments.positional[0])?.value else {
                throw PyError.typeError("'\(arguments.positional[0].typeName)' object cannot be interpreted as an integer")
            }
            guard seconds >= 0 else { throw PyError.valueError("sleep length must be non-negative") }
            let cap = sleepCap(runtime)
            if seconds > cap {
                try runtime.write("[time.sleep(\(PythonFloatRepr.string(seconds))) shortened to \(PythonFloatRepr.string(cap)) s in the course]\n")
            }
            try sleep(min(seconds, cap), runtime: runtime)
            return .none
        }
        module.addFunction("time", doc: "time(): seconds since the epoch, as a float.") { _, _ in .float(Date().timeIntervalSince1970) }
        module.addFunction("perf_counter", doc: "perf_counter(): a clock for measuring durations, in seconds.") { _, _ in
            .float(Double(DispatchTime.now().uptimeNanoseconds) / 1e9)
        }
        return module
    }

    /// Waits `seconds` in short slices, so Ctrl-C stops a sleeping program at once.
    private static func sleep(_ seconds: Double, runtime: Runtime) throws {
        let end = Date().addingTimeInterval(seconds)
        while true {
            try runtime.stopIfInterrupted()
            let left = end.timeIntervalSinceNow
            if left <= 0 { return }
            Thread.sleep(forTimeInterval: min(left, 0.05))
        }
    }
}
