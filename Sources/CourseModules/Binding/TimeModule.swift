import CoursePython
import Foundation

/// The `time` module: `sleep` (capped so a lesson never hangs; the cap is reported), `time`, `perf_counter`.
enum TimeModule {
    /// The longest a single `time.sleep` really waits.
    static let sleepCap = 2.0

    static func load(runtime: Runtime) throws -> PyModule {
        let module = PyModule(name: "time", doc: "sleep(seconds) (at most \(Int(sleepCap)) s here), time(), perf_counter().")
        module.addFunction("sleep", doc: "sleep(seconds): pause; waits of more than \(Int(sleepCap)) s are shortened, and a line says so.") { arguments, runtime in
            try arguments.expectExactly(1, "sleep")
            guard let seconds = NumPyConversions.number(arguments.positional[0])?.value else {
                throw PyError.typeError("'\(arguments.positional[0].typeName)' object cannot be interpreted as an integer")
            }
            guard seconds >= 0 else { throw PyError.valueError("sleep length must be non-negative") }
            if seconds > sleepCap {
                try runtime.write("[time.sleep(\(PythonFloatRepr.string(seconds))) shortened to \(PythonFloatRepr.string(sleepCap)) s in the course]\n")
            }
            Thread.sleep(forTimeInterval: min(seconds, sleepCap))
            return .none
        }
        module.addFunction("time", doc: "time(): seconds since the epoch, as a float.") { _, _ in .float(Date().timeIntervalSince1970) }
        module.addFunction("perf_counter", doc: "perf_counter(): a clock for measuring durations, in seconds.") { _, _ in
            .float(Double(DispatchTime.now().uptimeNanoseconds) / 1e9)
        }
        return module
    }
}
