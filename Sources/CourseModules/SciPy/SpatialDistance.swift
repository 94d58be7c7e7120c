/// `scipy.spatial.distance`: the distances the course uses, with scipy's definitions and errors.
public enum SpatialDistance {
    /// `cosine(u, v)`: 1 − u·v / (‖u‖‖v‖), clipped to [0, 2] as scipy does. A zero vector gives nan.
    public static func cosine(_ u: NDArray, _ v: NDArray) throws(NumPyError) -> Double {
        try validatePair(u, v)
        let terms = u.elements.withUnsafeBufferPointer { a in
            v.elements.withUnsafeBufferPointer { b in VectorKernels.cosineTerms(a, b) }
        }
        let distance = 1.0 - terms.uv / (terms.uu * terms.vv).squareRoot()
        if distance.isNaN { return distance }
        return min(max(distance, 0.0), 2.0)
    }

    /// `euclidean(u, v)`: ‖u − v‖₂.
    public static func euclidean(_ u: NDArray, _ v: NDArray) throws(NumPyError) -> Double {
        try validatePair(u, v, difference: true)
        return u.elements.withUnsafeBufferPointer { a in
            v.elements.withUnsafeBufferPointer { b in VectorKernels.squaredDistance(a, b).squareRoot() }
        }
    }

    private static func validatePair(_ u: NDArray, _ v: NDArray, difference: Bool = false) throws(NumPyError) {
        guard u.ndim == 1, v.ndim == 1 else { throw NumPyError(.value, "Input vector should be 1-D.") }
        if difference && u.size != v.size {
            throw NumPyError(.value, "operands could not be broadcast together with shapes \(NDArray.shapeText(u.shape)) \(NDArray.shapeText(v.shape)) ")
        }
        guard u.size == v.size else {
            throw NumPyError(.value, "shapes \(NDArray.shapeText(u.shape)) and \(NDArray.shapeText(v.shape)) not aligned: \(u.size) (dim 0) != \(v.size) (dim 0)")
        }
    }
}
