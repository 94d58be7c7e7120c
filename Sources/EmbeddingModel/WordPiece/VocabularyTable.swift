/// Looks up WordPiece vocabulary entries by their UTF-8 bytes without building Strings.
///
/// Word-initial pieces and `##` continuation pieces live in one open-addressing table; the
/// continuation flag is part of the key, so "ing" and "##ing" are different entries.
struct VocabularyTable: Sendable {
    private let slots: [Int32]
    private let mask: Int
    private let storage: [UInt8]
    private let starts: [Int32]
    private let lengths: [Int32]
    private let continuation: [Bool]

    /// `tokens[i]` is the vocabulary entry with id `i`, `##` prefix included for continuations.
    init(tokens: [[UInt8]]) {
        var storage: [UInt8] = []
        var starts: [Int32] = []
        var lengths: [Int32] = []
        var continuation: [Bool] = []
        let hashPrefix = Array("##".utf8)
        for token in tokens {
            let isContinuation = token.count > 2 && Array(token.prefix(2)) == hashPrefix
            let body = isContinuation ? token.dropFirst(2) : token[...]
            starts.append(Int32(storage.count))
            lengths.append(Int32(body.count))
            continuation.append(isContinuation)
            storage.append(contentsOf: body)
        }
        var capacity = 1
        while capacity < tokens.count * 2 { capacity <<= 1 }
        var slots = [Int32](repeating: -1, count: capacity)
        let mask = capacity - 1
        for id in tokens.indices {
            let start = Int(starts[id])
            let hash = storage.withUnsafeBufferPointer {
                Self.hash(UnsafeBufferPointer(rebasing: $0[start..<start + Int(lengths[id])]), continuation: continuation[id])
            }
            var slot = hash & mask
            while slots[slot] >= 0 {
                // Keep the first id for a duplicated entry, as a dictionary built in order would.
                if Self.same(storage, starts[Int(slots[slot])], lengths[Int(slots[slot])], continuation[Int(slots[slot])],
                             storage, starts[id], lengths[id], continuation[id]) { break }
                slot = (slot + 1) & mask
            }
            if slots[slot] < 0 { slots[slot] = Int32(id) }
        }
        self.slots = slots
        self.mask = mask
        self.storage = storage
        self.starts = starts
        self.lengths = lengths
        self.continuation = continuation
    }

    /// The id of `piece` (`##`-prefixed when `continuation`), or nil when it is not in the vocabulary.
    func id(of piece: UnsafeBufferPointer<UInt8>, continuation isContinuation: Bool) -> Int32? {
        var slot = Self.hash(piece, continuation: isContinuation) & mask
        return storage.withUnsafeBufferPointer { stored in
            while true {
                let id = slots[slot]
                if id < 0 { return nil }
                let index = Int(id)
                if continuation[index] == isContinuation, Int(lengths[index]) == piece.count {
                    let start = Int(starts[index])
                    var equal = true
                    for offset in 0..<piece.count where stored[start + offset] != piece[offset] {
                        equal = false
                        break
                    }
                    if equal { return id }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, continuation: Bool) -> Int {
        var hash: UInt64 = continuation ? 0x84222325cbf29ce4 : 0xcbf29ce484222325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100000001b3
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    private static func same(_ a: [UInt8], _ aStart: Int32, _ aLength: Int32, _ aContinuation: Bool,
                             _ b: [UInt8], _ bStart: Int32, _ bLength: Int32, _ bContinuation: Bool) -> Bool {
        aContinuation == bContinuation && aLength == bLength
            && a[Int(aStart)..<Int(aStart + aLength)].elementsEqual(b[Int(bStart)..<Int(bStart + bLength)])
    }
}
