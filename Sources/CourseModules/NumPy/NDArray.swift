/// A numpy-style array of one or two dimensions, stored contiguously in row-major order.
///
/// Values are kept as `Double` whatever the dtype: int64 results (argsort, argmin) are exact
/// up to 2⁵³, far beyond any index or count a course program produces, and one storage type
/// keeps the vector loops tight.
public struct NDArray: Equatable, Sendable {
    /// Lengths of the axes: `[n]` or `[rows, columns]`.
    public private(set) var shape: [Int]
    /// The elements, row-major.
    public internal(set) var elements: [Double]
    public internal(set) var dtype: NDType

    public init(shape: [Int], elements: [Double], dtype: NDType = .float64) throws(NumPyError) {
        guard (1...2).contains(shape.count), shape.allSatisfy({ $0 >= 0 }) else {
            throw NumPyError(.value, "only arrays of 1 or 2 dimensions are supported here, not shape \(NDArray.shapeText(shape))")
        }
        guard NDArray.elementCount(shape) == elements.count else {
            throw NumPyError(.value, "cannot reshape array of size \(elements.count) into shape (\(shape.map(String.init).joined(separator: ",")))")
        }
        self.shape = shape
        self.elements = elements
        self.dtype = dtype
    }

    /// A one-dimensional array; never fails.
    public init(vector: [Double], dtype: NDType = .float64) {
        self.shape = [vector.count]
        self.elements = vector
        self.dtype = dtype
    }

    /// A two-dimensional array from rows that all have `columns` elements.
    init(rows: Int, columns: Int, elements: [Double], dtype: NDType = .float64) {
        self.shape = [rows, columns]
        self.elements = elements
        self.dtype = dtype
    }

    public var ndim: Int { shape.count }
    public var size: Int { elements.count }
    public var rowCount: Int { shape[0] }
    public var columnCount: Int { shape.count == 2 ? shape[1] : 1 }

    /// The array with a different shape and the same elements (`reshape`).
    public func reshaped(_ newShape: [Int]) throws(NumPyError) -> NDArray {
        var resolved = newShape
        if let unknown = newShape.firstIndex(of: -1) {
            let known = NDArray.elementCount(newShape.enumerated().filter { $0.offset != unknown }.map(\.element)) ?? 0
            guard known > 0, size % known == 0 else {
                throw NumPyError(.value, "cannot reshape array of size \(size) into shape (\(newShape.map(String.init).joined(separator: ",")))")
            }
            resolved[unknown] = size / known
        }
        return try NDArray(shape: resolved, elements: elements, dtype: dtype)
    }

    /// The transpose: rows become columns. A 1-D array is its own transpose, as in numpy.
    public var transposed: NDArray {
        guard ndim == 2 else { return self }
        let rows = shape[0], columns = shape[1]
        var result = [Double](repeating: 0, count: size)
        for row in 0..<rows {
            for column in 0..<columns { result[column * rows + row] = elements[row * columns + column] }
        }
        return NDArray(rows: columns, columns: rows, elements: result, dtype: dtype)
    }

    /// The row at `index` of a 2-D array, as a 1-D array.
    func row(_ index: Int) -> NDArray {
        let columns = shape[1]
        return NDArray(vector: Array(elements[index * columns..<(index + 1) * columns]), dtype: dtype)
    }

    /// The elements converted to `dtype` (`astype`): floats truncate toward zero into ints, anything non-zero is True.
    public func converted(to newType: NDType) -> NDArray {
        var copy = self
        copy.dtype = newType
        switch newType {
        case .float64: break
        case .int64: copy.elements = elements.map { $0.isFinite ? $0.rounded(.towardZero) : $0 }
        case .bool: copy.elements = elements.map { $0 != 0 ? 1 : 0 }
        }
        return copy
    }

    /// The number of elements of `shape`, or nil when it does not fit in an Int (a shape no memory could hold).
    public static func elementCount(_ shape: [Int]) -> Int? {
        var count = 1
        for length in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: length)
            if overflow { return nil }
            count = product
        }
        return count
    }

    /// numpy's shape text: `(3,)`, `(2, 3)`.
    public static func shapeText(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }
}
