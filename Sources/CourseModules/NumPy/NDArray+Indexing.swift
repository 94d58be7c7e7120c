/// The result of subscripting an array: one element (a numpy scalar) or an array.
public enum NDElementOrArray: Equatable, Sendable {
    case scalar(NDScalar)
    case array(NDArray)
}

extension NDArray {
    /// What an index selects on one axis: the positions, and whether the axis survives in the result.
    private struct AxisSelection {
        var positions: [Int]
        var keepsAxis: Bool
    }

    private func selection(_ index: NDIndex, axis: Int) throws(NumPyError) -> AxisSelection {
        let length = shape[axis]
        switch index {
        case .integer(let position):
            let resolved = position < 0 ? position + length : position
            guard resolved >= 0 && resolved < length else {
                throw NumPyError(.index, "index \(position) is out of bounds for axis \(axis) with size \(length)")
            }
            return AxisSelection(positions: [resolved], keepsAxis: false)
        case .slice(let start, let stop, let step):
            return AxisSelection(positions: try NDIndex.slicePositions(start: start, stop: stop, step: step, length: length), keepsAxis: true)
        case .positions(let positions):
            var resolved: [Int] = []
            resolved.reserveCapacity(positions.count)
            for position in positions {
                let candidate = position < 0 ? position + length : position
                guard candidate >= 0 && candidate < length else {
                    throw NumPyError(.index, "index \(position) is out of bounds for axis \(axis) with size \(length)")
                }
                resolved.append(candidate)
            }
            return AxisSelection(positions: resolved, keepsAxis: true)
        case .mask(let mask):
            guard mask.count == length else {
                throw NumPyError(.index, "boolean index did not match indexed array along axis \(axis); size of axis is \(length) but size of corresponding boolean axis is \(mask.count)")
            }
            return AxisSelection(positions: mask.indices.filter { mask[$0] }, keepsAxis: true)
        }
    }

    /// Flat element positions selected by `indices`, and the shape of the result.
    private func resolve(_ indices: [NDIndex]) throws(NumPyError) -> (flat: [Int], shape: [Int]) {
        if indices.count == 1, case .mask(let mask) = indices[0], ndim == 2, mask.count == size {
            return (mask.indices.filter { mask[$0] }, [mask.filter { $0 }.count])
        }
        guard indices.count <= ndim else {
            throw NumPyError(.index, "too many indices for array: array is \(ndim)-dimensional, but \(indices.count) were indexed")
        }
        let fancyCount = indices.filter { if case .positions = $0 { return true }; if case .mask = $0 { return true }; return false }.count
        guard fancyCount <= 1 else {
            throw NumPyError(.index, "indexing with an index array on both axes at once is not supported here; index one axis at a time, as in a[rows][:, columns]")
        }
        let full = indices + Array(repeating: NDIndex.all, count: ndim - indices.count)
        let selections = try full.enumerated().map { (axis, index) throws(NumPyError) in try selection(index, axis: axis) }
        let resultShape = selections.filter(\.keepsAxis).map(\.positions.count)
        if ndim == 1 { return (selections[0].positions, resultShape) }
        let columns = shape[1]
        var flat: [Int] = []
        flat.reserveCapacity(selections[0].positions.count * selections[1].positions.count)
        for row in selections[0].positions {
            for column in selections[1].positions { flat.append(row * columns + column) }
        }
        return (flat, resultShape)
    }

    /// `a[...]`: an element when every axis gets an integer, otherwise a (copied) array.
    public func subscripted(_ indices: [NDIndex]) throws(NumPyError) -> NDElementOrArray {
        let (flat, resultShape) = try resolve(indices)
        if resultShape.isEmpty { return .scalar(NDScalar(elements[flat[0]], dtype: dtype)) }
        return .array(try NDArray(shape: resultShape, elements: flat.map { elements[$0] }, dtype: dtype))
    }

    /// `a[...] = value`: assigns a scalar, or an array broadcast to the selection's shape.
    public mutating func assign(_ indices: [NDIndex], _ value: NDArray) throws(NumPyError) {
        let (flat, resultShape) = try resolve(indices)
        let target = resultShape.isEmpty ? [1] : resultShape
        let source = try value.broadcast(to: target)
        let converted = dtype == .float64 ? source.elements : source.converted(to: dtype).elements
        for (offset, position) in flat.enumerated() { elements[position] = converted[offset] }
    }
}
