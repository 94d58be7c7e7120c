/// Splits one pre-tokenised piece into tokens by byte-pair merging, exactly as tiktoken does:
/// start from single bytes and repeatedly merge the adjacent pair whose concatenation has the
/// lowest rank (the leftmost such pair when ranks tie), until no adjacent pair is a token.
///
/// Short pieces (nearly all of them) use a linear scan over a small array; long pieces
/// (a long run of spaces or a base64 blob) use a heap so the work stays O(n log n).
struct BytePairMerger {
    /// Pieces at least this long use the heap; shorter ones the quadratic scan.
    static let heapThreshold = 96

    private var partStarts: [Int] = []
    private var partRanks: [Int] = []
    private var heap = MergeHeap()
    private var nodeEnds: [Int] = []
    private var nodePrevious: [Int] = []
    private var nodeAlive: [Bool] = []

    /// Appends the tokens of `piece` to `tokens`.
    mutating func appendTokens(
        of piece: UnsafePointer<UInt8>, length: Int, table: RankTable, to tokens: inout [Int]
    ) {
        let whole = table.rank(of: piece, length: length)
        if whole >= 0 {
            tokens.append(whole)
        } else if length < Self.heapThreshold {
            mergeByScanning(piece, length: length, table: table, into: &tokens)
        } else {
            mergeWithHeap(piece, length: length, table: table, into: &tokens)
        }
    }

    private static let noRank = Int.max

    private mutating func mergeByScanning(
        _ piece: UnsafePointer<UInt8>, length: Int, table: RankTable, into tokens: inout [Int]
    ) {
        partStarts.removeAll(keepingCapacity: true)
        partRanks.removeAll(keepingCapacity: true)
        for i in 0..<(length - 1) {
            let rank = table.rank(of: piece + i, length: 2)
            partStarts.append(i)
            partRanks.append(rank < 0 ? Self.noRank : rank)
        }
        partStarts.append(length - 1)
        partRanks.append(Self.noRank)
        partStarts.append(length)
        partRanks.append(Self.noRank)

        while true {
            var best = Self.noRank
            var bestIndex = -1
            for i in 0..<(partRanks.count - 1) where partRanks[i] < best {
                best = partRanks[i]
                bestIndex = i
            }
            if bestIndex < 0 { break }
            partStarts.remove(at: bestIndex + 1)
            partRanks.remove(at: bestIndex + 1)
            partRanks[bestIndex] = rankOfPart(spanning: bestIndex, piece, table)
            if bestIndex > 0 {
                partRanks[bestIndex - 1] = rankOfPart(spanning: bestIndex - 1, piece, table)
            }
        }
        for i in 0..<(partStarts.count - 1) {
            tokens.append(table.rank(of: piece + partStarts[i], length: partStarts[i + 1] - partStarts[i]))
        }
    }

    /// Rank of the bytes from part `index` through part `index + 1`, or `noRank`.
    @inline(__always)
    private func rankOfPart(spanning index: Int, _ piece: UnsafePointer<UInt8>, _ table: RankTable) -> Int {
        guard index + 2 < partStarts.count else { return Self.noRank }
        let start = partStarts[index]
        let rank = table.rank(of: piece + start, length: partStarts[index + 2] - start)
        return rank < 0 ? Self.noRank : rank
    }

    private mutating func mergeWithHeap(
        _ piece: UnsafePointer<UInt8>, length: Int, table: RankTable, into tokens: inout [Int]
    ) {
        nodeEnds = Array(1...length)
        nodePrevious = Array(-1..<(length - 1))
        nodeAlive = [Bool](repeating: true, count: length)
        heap.removeAll()
        for i in 0..<(length - 1) {
            let rank = table.rank(of: piece + i, length: 2)
            if rank >= 0 { heap.push(rank: rank, start: i, end: i + 2) }
        }
        while let pair = heap.popMinimum() {
            let left = pair.start
            guard nodeAlive[left] else { continue }
            let right = nodeEnds[left]
            guard right < length, nodeEnds[right] == pair.end else { continue }
            nodeEnds[left] = pair.end
            nodeAlive[right] = false
            if pair.end < length {
                nodePrevious[pair.end] = left
                let rank = table.rank(of: piece + left, length: nodeEnds[pair.end] - left)
                if rank >= 0 { heap.push(rank: rank, start: left, end: nodeEnds[pair.end]) }
            }
            let previous = nodePrevious[left]
            if previous >= 0 {
                let rank = table.rank(of: piece + previous, length: pair.end - previous)
                if rank >= 0 { heap.push(rank: rank, start: previous, end: pair.end) }
            }
        }
        var start = 0
        while start < length {
            let end = nodeEnds[start]
            tokens.append(table.rank(of: piece + start, length: end - start))
            start = end
        }
    }
}
