extension NDArray {
    /// `np.dot(a, b)` for 1-D and 2-D operands: the inner product of vectors, matrix-vector and matrix-matrix products.
    public static func dot(_ a: NDArray, _ b: NDArray) throws(NumPyError) -> NDElementOrArray {
        let resultType = NDType.promoted(a.dtype, b.dtype)
        let innerA = a.shape[a.ndim - 1]
        let innerB = b.ndim == 1 ? b.shape[0] : b.shape[0]
        guard innerA == innerB else {
            let dimB = b.ndim == 1 ? 0 : 0
            throw NumPyError(.value, "shapes \(shapeText(a.shape)) and \(shapeText(b.shape)) not aligned: \(innerA) (dim \(a.ndim - 1)) != \(innerB) (dim \(dimB))")
        }
        return try product(a, b, resultType: resultType)
    }

    /// `a @ b` / `np.matmul`: like `dot` for these shapes, with numpy's matmul error text.
    public static func matmul(_ a: NDArray, _ b: NDArray) throws(NumPyError) -> NDElementOrArray {
        let innerA = a.shape[a.ndim - 1]
        let innerB = b.shape[0]
        guard innerA == innerB else {
            throw NumPyError(.value, "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size \(innerB) is different from \(innerA))")
        }
        return try product(a, b, resultType: NDType.promoted(a.dtype, b.dtype))
    }

    private static func product(_ a: NDArray, _ b: NDArray, resultType: NDType) throws(NumPyError) -> NDElementOrArray {
        let inner = a.shape[a.ndim - 1]
        switch (a.ndim, b.ndim) {
        case (1, 1):
            return .scalar(NDScalar(VectorKernels.dot(a.elements[...], b.elements[...]), dtype: resultType))
        case (2, 1):
            var result: [Double] = []
            result.reserveCapacity(a.shape[0])
            for row in 0..<a.shape[0] {
                result.append(VectorKernels.dot(a.elements[row * inner..<(row + 1) * inner], b.elements[...]))
            }
            return .array(NDArray(vector: result, dtype: resultType))
        case (1, 2):
            let columns = b.transposed
            var result: [Double] = []
            for column in 0..<b.shape[1] {
                result.append(VectorKernels.dot(a.elements[...], columns.elements[column * inner..<(column + 1) * inner]))
            }
            return .array(NDArray(vector: result, dtype: resultType))
        default:
            let columns = b.transposed
            let rows = a.shape[0], width = b.shape[1]
            var result = [Double](repeating: 0, count: rows * width)
            for row in 0..<rows {
                let rowSlice = a.elements[row * inner..<(row + 1) * inner]
                for column in 0..<width {
                    result[row * width + column] = VectorKernels.dot(rowSlice, columns.elements[column * inner..<(column + 1) * inner])
                }
            }
            return .array(NDArray(rows: rows, columns: width, elements: result, dtype: resultType))
        }
    }

    /// `np.linalg.norm(a)` (Euclidean / Frobenius) or along `axis`.
    public func norm(axis: Int? = nil) throws(NumPyError) -> NDElementOrArray {
        guard let axis else {
            return .scalar(NDScalar(VectorKernels.dot(elements[...], elements[...]).squareRoot()))
        }
        let squares = mapped { $0 * $0 }
        switch try squares.reduced(.sum, axis: axis) {
        case .scalar(let total): return .scalar(NDScalar(total.value.squareRoot()))
        case .array(let totals): return .array(totals.mapped { $0.squareRoot() })
        }
    }
}
