import DifferentialSupport
import Foundation
import Testing
@testable import CourseModules

/// Array printing compared character for character with real numpy on the same values.
@Suite struct NDArrayPrintingTests {
    /// A deterministic spread of arrays: tiny, huge, mixed magnitudes, negatives, integers,
    /// special values, long enough to wrap and to be summarised, and 2-D.
    static func samples() -> [NDArray] {
        var generator = SplitMix64(seed: 7)
        var arrays: [NDArray] = [
            NDArray(vector: [0.1, 0.2, 0.3]), NDArray(vector: [1, 2]), NDArray(vector: [1, 2.5]),
            NDArray(vector: [0.1, 1e-5]), NDArray(vector: [1e-5, 1e100]), NDArray(vector: [.nan, 1.5, -.infinity]),
            NDArray(vector: [1.123456789, 100.5]), NDArray(vector: [0, 0, 0]), NDArray(vector: [-0.0, 3]),
            NDArray(vector: []), NDArray(vector: [1, 22, 333], dtype: .int64), NDArray(vector: [1, 0, 1], dtype: .bool),
            NDArray(vector: [1, 1], dtype: .bool), NDArray(vector: [], dtype: .int64), NDArray(vector: [123456789.0, 1]),
            NDArray(vector: [0.5, 0.25, 0.125, 0.001953125]), NDArray(vector: [2.5e-3, 1.0]),
        ]
        for length in [5, 12, 30, 999, 1001, 1536] {
            arrays.append(NDArray(vector: (0..<length).map { _ in generator.nextGaussian() * 0.05 }))
            arrays.append(NDArray(vector: (0..<length).map { Double($0) / 7 }))
            arrays.append(NDArray(vector: (0..<length).map { _ in (generator.nextGaussian() * 100).rounded() }, dtype: .int64))
        }
        for (rows, columns) in [(2, 2), (3, 4), (5, 30), (40, 40), (3, 400), (1, 1)] {
            let values = (0..<rows * columns).map { _ in generator.nextGaussian() * 3 }
            arrays.append(NDArray(rows: rows, columns: columns, elements: values))
            arrays.append(NDArray(rows: rows, columns: columns, elements: values.map { $0.rounded() }))
        }
        if let empty = try? NDArray(shape: [0, 3], elements: []) { arrays.append(empty) }
        return arrays
    }

    @Test("repr and str of arrays match numpy 2 exactly")
    func matchesNumPy() throws {
        let python: ReferencePython
        switch ReferencePython.find(modules: ["numpy"]) {
        case .success(let found): python = found
        case .failure(let reason):
            print("skipped: array printing not compared with numpy: \(reason.text)")
            return
        }
        let arrays = Self.samples()
        let input = arrays.map { array in
            "\(array.dtype.rawValue);\(array.shape.map(String.init).joined(separator: ","));" + array.elements.map { String($0.bitPattern) }.joined(separator: ",")
        }.joined(separator: "\n")
        let script = """
        import sys, struct, numpy as np
        for line in sys.stdin.read().split("\\n"):
            dtype, shape, bits = line.split(";")
            values = [struct.unpack("<d", struct.pack("<Q", int(b)))[0] for b in bits.split(",") if b]
            a = np.array(values, dtype=np.float64).reshape(tuple(int(s) for s in shape.split(","))).astype(dtype)
            print(repr(a)); print("\\x00"); print(str(a)); print("\\x01")
        """
        let output = try python.run(script: script, input: input)
        #expect(output.status == 0, "\(output.stderr)")
        let blocks = output.stdout.components(separatedBy: "\n\u{01}\n")
        for (array, block) in zip(arrays, blocks) {
            let pieces = block.components(separatedBy: "\n\u{00}\n")
            guard pieces.count == 2 else { Issue.record("unexpected numpy output: \(block)"); continue }
            #expect(array.repr == pieces[0])
            #expect(array.str == pieces[1])
        }
    }

    @Test("numpy scalars print as numpy 2 does")
    func scalarRepr() {
        #expect(NDScalar(0.5).repr == "np.float64(0.5)")
        #expect(NDScalar(1e16).repr == "np.float64(1e+16)")
        #expect(NDScalar(1e-5).str == "1e-05")
        #expect(NDScalar(3, dtype: .int64).repr == "np.int64(3)")
        #expect(NDScalar(1, dtype: .bool).repr == "np.True_")
    }
}
