extension NDArray {
    /// The shape two operands broadcast to, or numpy's error when they cannot.
    static func broadcastShape(_ left: [Int], _ right: [Int]) throws(NumPyError) -> [Int] {
        let rank = max(left.count, right.count)
        let paddedLeft = Array(repeating: 1, count: rank - left.count) + left
        let paddedRight = Array(repeating: 1, count: rank - right.count) + right
        var result: [Int] = []
        for (a, b) in zip(paddedLeft, paddedRight) {
            guard a == b || a == 1 || b == 1 else {
                throw NumPyError(.value, "operands could not be broadcast together with shapes \(shapeText(left)) \(shapeText(right)) ")
            }
            result.append(a == 1 ? b : a)
        }
        return result
    }

    /// This array repeated along axes of length 1 (or missing) to fill `target`.
    func broadcast(to target: [Int]) throws(NumPyError) -> NDArray {
        if shape == target { return self }
        let resultShape = try NDArray.broadcastShape(shape, target)
        guard resultShape == target else {
            throw NumPyError(.value, "could not broadcast input array from shape \(NDArray.shapeText(shape)) into shape \(NDArray.shapeText(target))")
        }
        let padded = Array(repeating: 1, count: target.count - shape.count) + shape
        var result: [Double] = []
        result.reserveCapacity(target.reduce(1, *))
        if target.count == 1 {
            result = padded[0] == 1 ? Array(repeating: elements[0], count: target[0]) : elements
        } else {
            let rows = target[0], columns = target[1]
            for row in 0..<rows {
                let sourceRow = padded[0] == 1 ? 0 : row
                for column in 0..<columns {
                    let sourceColumn = padded[1] == 1 ? 0 : column
                    result.append(elements[sourceRow * padded[1] + sourceColumn])
                }
            }
        }
        return try NDArray(shape: target, elements: result, dtype: dtype)
    }

    /// `left op right` element-wise, with broadcasting of scalars, rows and columns.
    public static func elementwise(_ left: NDArray, _ operation: NDOperator, _ right: NDArray) throws(NumPyError) -> NDArray {
        let resultType = operation.resultType(left.dtype, right.dtype)
        let integer = resultType == .int64
        if operation == .power && integer && right.elements.contains(where: { $0 < 0 }) {
            throw NumPyError(.value, "Integers to negative integer powers are not allowed.")
        }
        let target = try broadcastShape(left.shape, right.shape)
        var result: [Double]
        if left.shape == right.shape {
            result = [Double](unsafeUninitializedCapacity: left.size) { buffer, count in
                left.elements.withUnsafeBufferPointer { a in
                    right.elements.withUnsafeBufferPointer { b in
                        for index in 0..<a.count { buffer[index] = operation.apply(a[index], b[index], integer: integer) }
                    }
                }
                count = left.size
            }
        } else if right.size == 1 {
            let y = right.elements[0]
            result = left.elements.map { operation.apply($0, y, integer: integer) }
        } else if left.size == 1 {
            let x = left.elements[0]
            result = right.elements.map { operation.apply(x, $0, integer: integer) }
        } else {
            let a = try left.broadcast(to: target), b = try right.broadcast(to: target)
            result = zip(a.elements, b.elements).map { operation.apply($0, $1, integer: integer) }
        }
        return try NDArray(shape: target, elements: result, dtype: resultType)
    }

    /// `-a`.
    public var negated: NDArray {
        var copy = self
        copy.elements = elements.map { -$0 }
        if dtype == .bool { copy.dtype = .int64 }
        return copy
    }

    /// `abs(a)` / `np.abs(a)`.
    public var absolute: NDArray {
        var copy = self
        copy.elements = elements.map { $0.magnitude }
        return copy
    }

    /// Applies a float function to every element (`np.sqrt`, `np.exp`, …); the result is float64.
    public func mapped(_ transform: (Double) -> Double) -> NDArray {
        var copy = self
        copy.elements = elements.map(transform)
        copy.dtype = .float64
        return copy
    }
}
