/// The reductions arrays support, by numpy's names.
public enum NDReduction: String, Sendable {
    case sum, mean, min, max, std, argmin, argmax, prod

    /// numpy's name for the ufunc behind the reduction, used in its error messages.
    var ufuncName: String {
        switch self {
        case .min: return "minimum"
        case .max: return "maximum"
        default: return rawValue
        }
    }
}

extension NDArray {
    /// `a.sum()`, `np.mean(a, axis=0)`, `a.argmax(axis=1)`…: over everything (`axis` nil) or along one axis.
    public func reduced(_ reduction: NDReduction, axis: Int? = nil) throws(NumPyError) -> NDElementOrArray {
        guard let axis else {
            return .scalar(try NDArray.reduce(elements[...], reduction, dtype: dtype))
        }
        let resolved = axis < 0 ? axis + ndim : axis
        guard resolved >= 0 && resolved < ndim else {
            throw NumPyError(.value, "axis \(axis) is out of bounds for array of dimension \(ndim)")
        }
        if ndim == 1 { return .scalar(try NDArray.reduce(elements[...], reduction, dtype: dtype)) }
        let rows = shape[0], columns = shape[1]
        var results: [NDScalar] = []
        if resolved == 1 {
            for row in 0..<rows {
                results.append(try NDArray.reduce(elements[row * columns..<(row + 1) * columns], reduction, dtype: dtype))
            }
        } else if reduction == .sum || reduction == .mean, dtype == .float64, rows > 0 {
            var sums = Array(elements[0..<columns])
            for row in 1..<rows {
                for column in 0..<columns { sums[column] += elements[row * columns + column] }
            }
            let values = reduction == .mean ? sums.map { $0 / Double(rows) } : sums
            return .array(NDArray(vector: values))
        } else {
            let transposedCopy = transposed
            for column in 0..<columns {
                results.append(try NDArray.reduce(transposedCopy.elements[column * rows..<(column + 1) * rows], reduction, dtype: dtype))
            }
        }
        let resultType = results.first?.dtype ?? NDArray.resultType(of: reduction, dtype)
        return .array(NDArray(vector: results.map(\.value), dtype: resultType))
    }

    static func resultType(of reduction: NDReduction, _ dtype: NDType) -> NDType {
        switch reduction {
        case .mean, .std: return .float64
        case .argmin, .argmax: return .int64
        case .sum, .prod: return dtype == .float64 ? .float64 : .int64
        case .min, .max: return dtype
        }
    }

    private static func reduce(_ values: ArraySlice<Double>, _ reduction: NDReduction, dtype: NDType) throws(NumPyError) -> NDScalar {
        let type = resultType(of: reduction, dtype)
        switch reduction {
        case .sum:
            return NDScalar(PairwiseSum.sum(values), dtype: type)
        case .prod:
            return NDScalar(values.reduce(1, *), dtype: type)
        case .mean:
            return NDScalar(values.isEmpty ? .nan : PairwiseSum.sum(values) / Double(values.count), dtype: type)
        case .std:
            guard !values.isEmpty else { return NDScalar(.nan) }
            let mean = PairwiseSum.sum(values) / Double(values.count)
            let squares = values.map { ($0 - mean) * ($0 - mean) }
            return NDScalar((PairwiseSum.sum(squares[...]) / Double(values.count)).squareRoot(), dtype: type)
        case .min, .max:
            guard let first = values.first else {
                throw NumPyError(.value, "zero-size array to reduction operation \(reduction.ufuncName) which has no identity")
            }
            var best = first
            for value in values {
                if value.isNaN { return NDScalar(.nan, dtype: type) }
                if reduction == .min ? value < best : value > best { best = value }
            }
            return NDScalar(best, dtype: type)
        case .argmin, .argmax:
            guard !values.isEmpty else {
                throw NumPyError(.value, "attempt to get \(reduction.rawValue) of an empty sequence")
            }
            var bestIndex = values.startIndex
            for index in values.indices {
                let value = values[index]
                if value.isNaN { bestIndex = index; break }
                if reduction == .argmin ? value < values[bestIndex] : value > values[bestIndex] { bestIndex = index }
            }
            return NDScalar(Double(bestIndex - values.startIndex), dtype: type)
        }
    }

    /// `np.argsort(a)`: the positions that sort the array along the last axis, ties in original
    /// order (a stable sort; numpy's default agrees on data without ties). NaN sorts last, as in numpy.
    public func argsorted() -> NDArray {
        func order(_ values: ArraySlice<Double>) -> [Double] {
            let base = values.startIndex
            let sorted = values.indices.sorted { left, right in
                let a = values[left], b = values[right]
                if a.isNaN != b.isNaN { return b.isNaN }
                if a.isNaN || a == b { return left < right }
                return a < b
            }
            return sorted.map { Double($0 - base) }
        }
        if ndim == 1 { return NDArray(vector: order(elements[...]), dtype: .int64) }
        let columns = shape[1]
        var result: [Double] = []
        for row in 0..<shape[0] { result += order(elements[row * columns..<(row + 1) * columns]) }
        return NDArray(rows: shape[0], columns: columns, elements: result, dtype: .int64)
    }

    /// `np.sort(a)`: sorted copy along the last axis.
    public func sorted() -> NDArray {
        let order = argsorted()
        var copy = self
        let columns = ndim == 2 ? shape[1] : size
        for (position, source) in order.elements.enumerated() {
            let rowStart = (position / max(columns, 1)) * columns
            copy.elements[position] = elements[rowStart + Int(source)]
        }
        return copy
    }
}
