import CourseModules
import CoursePython
import Foundation

/// Reads a bundled JSON dataset into Python values, exactly as `json.load` would.
enum DatasetLoader {
    static func load(_ binding: DatasetBinding, from directory: URL?, exercise: String) throws(ExerciseSetupError) -> PyValue {
        guard let directory,
              let data = FileManager.default.contents(atPath: directory.appendingPathComponent(binding.file).path),
              let text = String(data: data, encoding: .utf8)
        else {
            throw ExerciseSetupError(exercise: exercise, message: "the dataset \(binding.file) is missing from Lessons/datasets/")
        }
        do {
            return pythonValue(try JSONReader.read(text))
        } catch {
            throw ExerciseSetupError(exercise: exercise, message: "the dataset \(binding.file) is not valid JSON: \(error)")
        }
    }

    private static func pythonValue(_ json: JSONValue) -> PyValue {
        switch json {
        case .null: return .none
        case .bool(let value): return .bool(value)
        case .integer(let digits): return Int(digits).map(PyValue.int) ?? .float(Double(digits) ?? 0)
        case .float(let value): return .float(value)
        case .string(let value): return .str(value)
        case .array(let items): return .list(PyList(items.map(pythonValue)))
        case .object(let pairs):
            let dict = PyDict()
            for (key, value) in pairs { dict.setUnchecked(.str(key), pythonValue(value)) }
            return .dict(dict)
        }
    }
}
