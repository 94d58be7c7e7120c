/// numpy's pairwise summation of contiguous float64 data: eight running partial sums in blocks
/// of up to 128 elements, halves recursively above that. Summing in the same order as numpy
/// makes `np.sum` and `mean` agree with real numpy to the last bit.
enum PairwiseSum {
    static func sum(_ values: UnsafeBufferPointer<Double>) -> Double {
        let count = values.count
        if count < 8 {
            var result = 0.0
            for value in values { result += value }
            return result
        }
        if count <= 128 {
            var r0 = values[0], r1 = values[1], r2 = values[2], r3 = values[3]
            var r4 = values[4], r5 = values[5], r6 = values[6], r7 = values[7]
            var index = 8
            let end = count - count % 8
            while index < end {
                r0 += values[index]; r1 += values[index + 1]; r2 += values[index + 2]; r3 += values[index + 3]
                r4 += values[index + 4]; r5 += values[index + 5]; r6 += values[index + 6]; r7 += values[index + 7]
                index += 8
            }
            var result = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
            while index < count {
                result += values[index]
                index += 1
            }
            return result
        }
        var half = count / 2
        half -= half % 8
        return sum(UnsafeBufferPointer(rebasing: values[0..<half])) + sum(UnsafeBufferPointer(rebasing: values[half...]))
    }

    static func sum(_ values: ArraySlice<Double>) -> Double {
        values.withUnsafeBufferPointer { sum($0) }
    }
}
