import CoursePython

/// Turns the libraries' typed errors into the Python exceptions learners see.
enum PythonErrors {
    static func from(_ error: NumPyError) -> PyError {
        switch error.kind {
        case .value: return .valueError(error.message)
        case .index: return .indexError(error.message)
        case .type: return .typeError(error.message)
        case .zeroDivision: return .zeroDivision(error.message)
        }
    }

    static func from(_ error: MathError) -> PyError {
        switch error.kind {
        case .value: return .valueError(error.message)
        case .overflow: return .overflow(error.message)
        }
    }

    /// Runs a numpy operation, raising its error as the matching Python exception.
    static func numpy<T>(_ body: () throws(NumPyError) -> T) throws -> T {
        do { return try body() } catch { throw from(error) }
    }

    static func math<T>(_ body: () throws(MathError) -> T) throws -> T {
        do { return try body() } catch { throw from(error) }
    }
}
