/// One component of an array subscript: `a[2]`, `a[1:5:2]`, `a[:, 0]`, `a[[3, 1]]`, `a[a > 0]`.
public enum NDIndex: Equatable, Sendable {
    case integer(Int)
    case slice(start: Int?, stop: Int?, step: Int?)
    /// An integer array or list: picks those positions, in that order.
    case positions([Int])
    /// A boolean array of the axis' length (or of the whole array's shape): keeps the True positions.
    case mask([Bool])

    /// The whole axis, `:`.
    public static let all = NDIndex.slice(start: nil, stop: nil, step: nil)

    /// Python's `slice.indices(length)` followed by the positions it visits.
    static func slicePositions(start: Int?, stop: Int?, step: Int?, length: Int) throws(NumPyError) -> [Int] {
        let step = step ?? 1
        guard step != 0 else { throw NumPyError(.value, "slice step cannot be zero") }
        func clamp(_ bound: Int?, defaultValue: Int, low: Int, high: Int) -> Int {
            guard var bound else { return defaultValue }
            if bound < 0 { bound += length }
            return min(max(bound, low), high)
        }
        var positions: [Int] = []
        if step > 0 {
            let from = clamp(start, defaultValue: 0, low: 0, high: length)
            let to = clamp(stop, defaultValue: length, low: 0, high: length)
            positions = Array(stride(from: from, to: to, by: step))
        } else {
            let from = clamp(start, defaultValue: length - 1, low: -1, high: length - 1)
            let to = clamp(stop, defaultValue: -1, low: -1, high: length - 1)
            positions = Array(stride(from: from, to: to, by: step))
        }
        return positions
    }
}
