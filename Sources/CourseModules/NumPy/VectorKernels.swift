/// The tight loops behind dot products and distances, over contiguous float64 buffers.
enum VectorKernels {
    /// Σ aᵢbᵢ with four independent accumulators, so the compiler can keep them in vector registers.
    @inline(__always)
    static func dot(_ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>) -> Double {
        let count = min(a.count, b.count)
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var index = 0
        while index + 4 <= count {
            s0 += a[index] * b[index]
            s1 += a[index + 1] * b[index + 1]
            s2 += a[index + 2] * b[index + 2]
            s3 += a[index + 3] * b[index + 3]
            index += 4
        }
        while index < count {
            s0 += a[index] * b[index]
            index += 1
        }
        return (s0 + s1) + (s2 + s3)
    }

    static func dot(_ a: ArraySlice<Double>, _ b: ArraySlice<Double>) -> Double {
        a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in dot(x, y) } }
    }

    /// The three dot products cosine distance needs (u·v, u·u, v·v), in one pass over both vectors.
    static func cosineTerms(_ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>) -> (uv: Double, uu: Double, vv: Double) {
        let count = min(a.count, b.count)
        var uv0 = 0.0, uv1 = 0.0, uu0 = 0.0, uu1 = 0.0, vv0 = 0.0, vv1 = 0.0
        var index = 0
        while index + 2 <= count {
            let x0 = a[index], x1 = a[index + 1], y0 = b[index], y1 = b[index + 1]
            uv0 += x0 * y0; uv1 += x1 * y1
            uu0 += x0 * x0; uu1 += x1 * x1
            vv0 += y0 * y0; vv1 += y1 * y1
            index += 2
        }
        if index < count {
            let x = a[index], y = b[index]
            uv0 += x * y; uu0 += x * x; vv0 += y * y
        }
        return (uv0 + uv1, uu0 + uu1, vv0 + vv1)
    }

    /// Σ (aᵢ − bᵢ)².
    static func squaredDistance(_ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>) -> Double {
        let count = min(a.count, b.count)
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var index = 0
        while index + 4 <= count {
            let d0 = a[index] - b[index], d1 = a[index + 1] - b[index + 1]
            let d2 = a[index + 2] - b[index + 2], d3 = a[index + 3] - b[index + 3]
            s0 += d0 * d0; s1 += d1 * d1; s2 += d2 * d2; s3 += d3 * d3
            index += 4
        }
        while index < count {
            let d = a[index] - b[index]
            s0 += d * d
            index += 1
        }
        return (s0 + s1) + (s2 + s3)
    }
}
