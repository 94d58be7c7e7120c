import Foundation

/// The methods of `str` that course code uses.
enum StrMethods {
    static func text(_ v: PyValue) -> String { v.stringValue ?? "" }

    static func stringArgument(_ v: PyValue, _ method: String, position: Int = 1) throws -> String {
        guard case .str(let s) = v else {
            throw PyError.typeError("must be str, not \(v.typeName)")
        }
        return s
    }

    static func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String { String(String.UnicodeScalarView(scalars)) }

    /// Offset of `needle` in `hay` within [start, end), or nil.
    static func find(_ hay: [Unicode.Scalar], _ needle: [Unicode.Scalar], from start: Int = 0, to end: Int? = nil, last: Bool = false) -> Int? {
        let end = min(end ?? hay.count, hay.count)
        guard start >= 0, end - start >= needle.count else { return nil }
        let positions = Array(start...(end - needle.count))
        for i in (last ? positions.reversed() : positions) where hay[i..<(i + needle.count)].elementsEqual(needle) {
            return i
        }
        return nil
    }

    static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        if c.value < 128 { return c == " " || (c.value >= 9 && c.value <= 13) || (c.value >= 28 && c.value <= 31) }
        return c.properties.isWhitespace
    }

    static func strip(_ s: String, _ chars: PyValue?, leading: Bool, trailing: Bool) throws -> String {
        var a = scalars(s)[...]
        let set: Set<Unicode.Scalar>?
        if let chars, !chars.isNone { set = Set(try stringArgument(chars, "strip").unicodeScalars) } else { set = nil }
        func strippable(_ c: Unicode.Scalar) -> Bool { set?.contains(c) ?? isWhitespace(c) }
        if leading { while let f = a.first, strippable(f) { a = a.dropFirst() } }
        if trailing { while let l = a.last, strippable(l) { a = a.dropLast() } }
        return string(a)
    }

    static func split(_ s: String, _ sep: PyValue?, _ maxsplit: Int) throws -> [PyValue] {
        let chars = scalars(s)
        var parts: [PyValue] = []
        if let sep, !sep.isNone {
            let needle = scalars(try stringArgument(sep, "split"))
            if needle.isEmpty { throw PyError.valueError("empty separator") }
            var start = 0
            while maxsplit < 0 || parts.count < maxsplit, let i = find(chars, needle, from: start) {
                parts.append(.str(string(chars[start..<i])))
                start = i + needle.count
            }
            parts.append(.str(string(chars[start...])))
            return parts
        }
        var i = 0
        while i < chars.count {
            while i < chars.count, isWhitespace(chars[i]) { i += 1 }
            if i >= chars.count { break }
            if maxsplit >= 0, parts.count == maxsplit {
                var rest = chars[i...]
                while let l = rest.last, isWhitespace(l) { rest = rest.dropLast() }
                parts.append(.str(string(rest)))
                return parts
            }
            let start = i
            while i < chars.count, !isWhitespace(chars[i]) { i += 1 }
            parts.append(.str(string(chars[start..<i])))
        }
        return parts
    }

    static func affix(_ s: String, _ arg: PyValue, _ method: String, prefix: Bool) throws -> Bool {
        let candidates: [PyValue]
        if case .tuple(let t) = arg { candidates = t } else { candidates = [arg] }
        for c in candidates {
            guard case .str(let a) = c else {
                throw PyError.typeError("\(method) first arg must be str or a tuple of str, not \(c.typeName)")
            }
            let hay = scalars(s), needle = scalars(a)
            if prefix ? hay.starts(with: needle) : hay.reversed().starts(with: needle.reversed()) { return true }
        }
        return false
    }

    static func bounds(_ a: BoundArguments, _ count: Int) -> (Int, Int) {
        func clamp(_ v: PyValue?, _ fallback: Int) -> Int {
            guard let i = v?.intValue else { return fallback }
            return i < 0 ? max(0, i + count) : min(i, count)
        }
        return (clamp(a["start"], 0), clamp(a["end"], count))
    }

    static func justify(_ s: String, _ a: Arguments, _ name: String, _ place: (String, String) -> String) throws -> PyValue {
        let b = try a.bind(name, ["width", .optional("fillchar")])
        guard let width = b["width"]?.intValue else { throw PyError.typeError("'\(b["width"]!.typeName)' object cannot be interpreted as an integer") }
        let fill = b["fillchar"]?.stringValue ?? " "
        guard fill.unicodeScalars.count == 1 else { throw PyError.typeError("The fill character must be exactly one character long") }
        let n = width - s.unicodeScalars.count
        return .str(n > 0 ? place(s, String(repeating: fill, count: n)) : s)
    }

    nonisolated(unsafe) static let table: [String: NativeMethod] = [
        "join": { v, a, r in
            let b = try a.bind("join", ["iterable"])
            let items = try r.iterate(b[0]!)
            var parts: [String] = []
            parts.reserveCapacity(items.count)
            for (i, item) in items.enumerated() {
                guard case .str(let s) = item else {
                    throw PyError.typeError("sequence item \(i): expected str instance, \(item.typeName) found")
                }
                parts.append(s)
            }
            return .str(parts.joined(separator: text(v)))
        },
        "split": { v, a, r in
            let b = try a.bind("split", [.optional("sep"), .optional("maxsplit")])
            return .list(PyList(try split(text(v), b["sep"], b["maxsplit"]?.intValue ?? -1)))
        },
        "rsplit": { v, a, r in
            let b = try a.bind("rsplit", [.optional("sep"), .optional("maxsplit")])
            let maxsplit = b["maxsplit"]?.intValue ?? -1
            if maxsplit < 0 { return .list(PyList(try split(text(v), b["sep"], -1))) }
            let reversedText = String(text(v).reversed())
            var sep = b["sep"]
            if let s = sep?.stringValue { sep = .str(String(s.reversed())) }
            let parts = try split(reversedText, sep, maxsplit).reversed().map { PyValue.str(String(($0.stringValue ?? "").reversed())) }
            return .list(PyList(parts))
        },
        "splitlines": { v, a, r in
            try a.expectExactly(0, "splitlines")
            var lines = text(v).split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
            if lines.last == "" { lines.removeLast() }
            return .list(PyList(lines.map { .str($0.hasSuffix("\r") ? String($0.dropLast()) : $0) }))
        },
        "strip": { v, a, r in .str(try strip(text(v), try a.bind("strip", [.optional("chars")])[0], leading: true, trailing: true)) },
        "lstrip": { v, a, r in .str(try strip(text(v), try a.bind("lstrip", [.optional("chars")])[0], leading: true, trailing: false)) },
        "rstrip": { v, a, r in .str(try strip(text(v), try a.bind("rstrip", [.optional("chars")])[0], leading: false, trailing: true)) },
        "lower": { v, a, r in try a.expectExactly(0, "str.lower"); return .str(text(v).lowercased()) },
        "upper": { v, a, r in try a.expectExactly(0, "str.upper"); return .str(text(v).uppercased()) },
        "casefold": { v, a, r in try a.expectExactly(0, "str.casefold"); return .str(text(v).lowercased()) },
        "title": { v, a, r in
            try a.expectExactly(0, "str.title")
            var out = ""
            var previousIsLetter = false
            for c in text(v) {
                out += previousIsLetter ? c.lowercased() : c.uppercased()
                previousIsLetter = c.isLetter
            }
            return .str(out)
        },
        "capitalize": { v, a, r in
            try a.expectExactly(0, "str.capitalize")
            let s = text(v)
            return .str(s.prefix(1).uppercased() + s.dropFirst().lowercased())
        },
        "replace": { v, a, r in
            let b = try a.bind("replace", ["old", "new", .optional("count")])
            let old = try stringArgument(b["old"]!, "replace"), new = try stringArgument(b["new"]!, "replace")
            let count = b["count"]?.intValue ?? -1
            let s = text(v)
            if count < 0 {
                if old.isEmpty {
                    return .str(new + s.unicodeScalars.map { String($0) }.joined(separator: new) + (s.isEmpty ? "" : new))
                }
                return .str(s.replacingOccurrences(of: old, with: new))
            }
            let chars = scalars(s), needle = scalars(old)
            var out = "", start = 0, done = 0
            while done < count, !needle.isEmpty, let i = find(chars, needle, from: start) {
                out += string(chars[start..<i]) + new
                start = i + needle.count
                done += 1
            }
            return .str(out + string(chars[start...]))
        },
        "format": { v, a, r in .str(try r.formatMethod(text(v), a)) },
        "startswith": { v, a, r in
            let b = try a.bind("startswith", ["prefix", .optional("start"), .optional("end")])
            return .bool(try affix(text(v), b[0]!, "startswith", prefix: true))
        },
        "endswith": { v, a, r in
            let b = try a.bind("endswith", ["suffix", .optional("start"), .optional("end")])
            return .bool(try affix(text(v), b[0]!, "endswith", prefix: false))
        },
        "find": { v, a, r in
            let b = try a.bind("find", ["sub", .optional("start"), .optional("end")])
            let hay = scalars(text(v))
            let (s, e) = bounds(b, hay.count)
            return .int(find(hay, scalars(try stringArgument(b[0]!, "find")), from: s, to: e) ?? -1)
        },
        "rfind": { v, a, r in
            let b = try a.bind("rfind", ["sub", .optional("start"), .optional("end")])
            let hay = scalars(text(v))
            let (s, e) = bounds(b, hay.count)
            return .int(find(hay, scalars(try stringArgument(b[0]!, "rfind")), from: s, to: e, last: true) ?? -1)
        },
        "index": { v, a, r in
            let b = try a.bind("index", ["sub", .optional("start"), .optional("end")])
            let hay = scalars(text(v))
            let (s, e) = bounds(b, hay.count)
            guard let i = find(hay, scalars(try stringArgument(b[0]!, "index")), from: s, to: e) else {
                throw PyError.valueError("substring not found")
            }
            return .int(i)
        },
        "count": { v, a, r in
            let b = try a.bind("count", ["sub", .optional("start"), .optional("end")])
            let hay = scalars(text(v))
            let needle = scalars(try stringArgument(b[0]!, "count"))
            var (start, end) = bounds(b, hay.count)
            if needle.isEmpty { return .int(max(0, end - start) + 1) }
            var n = 0
            while let i = find(hay, needle, from: start, to: end) { n += 1; start = i + needle.count; end = max(end, start) }
            return .int(n)
        },
        "isdigit": { v, a, r in .bool(!text(v).isEmpty && text(v).unicodeScalars.allSatisfy { $0.properties.numericType == .decimal || $0.properties.numericType == .digit }) },
        "isnumeric": { v, a, r in .bool(!text(v).isEmpty && text(v).unicodeScalars.allSatisfy { $0.properties.numericType != nil }) },
        "isalpha": { v, a, r in .bool(!text(v).isEmpty && text(v).unicodeScalars.allSatisfy { $0.properties.isAlphabetic }) },
        "isalnum": { v, a, r in .bool(!text(v).isEmpty && text(v).unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil }) },
        "isspace": { v, a, r in .bool(!text(v).isEmpty && text(v).unicodeScalars.allSatisfy(isWhitespace)) },
        "isupper": { v, a, r in let s = text(v); return .bool(s.contains { $0.isUppercase } && !s.contains { $0.isLowercase }) },
        "islower": { v, a, r in let s = text(v); return .bool(s.contains { $0.isLowercase } && !s.contains { $0.isUppercase }) },
        "center": { v, a, r in try justify(text(v), a, "center") { s, fill in
            let left = fill.count / 2 + (fill.count % 2 == 1 && s.unicodeScalars.count % 2 == 1 ? 1 : 0)
            return String(fill.prefix(left)) + s + String(fill.dropFirst(left))
        } },
        "ljust": { v, a, r in try justify(text(v), a, "ljust") { s, fill in s + fill } },
        "rjust": { v, a, r in try justify(text(v), a, "rjust") { s, fill in fill + s } },
        "zfill": { v, a, r in
            let b = try a.bind("zfill", ["width"])
            let s = text(v)
            let n = (b[0]?.intValue ?? 0) - s.unicodeScalars.count
            guard n > 0 else { return .str(s) }
            if let f = s.first, f == "-" || f == "+" { return .str(String(f) + String(repeating: "0", count: n) + s.dropFirst()) }
            return .str(String(repeating: "0", count: n) + s)
        },
        "partition": { v, a, r in
            let b = try a.bind("partition", ["sep"])
            let s = text(v), sep = try stringArgument(b[0]!, "partition")
            if sep.isEmpty { throw PyError.valueError("empty separator") }
            guard let range = s.range(of: sep) else { return .tuple([.str(s), .str(""), .str("")]) }
            return .tuple([.str(String(s[..<range.lowerBound])), .str(sep), .str(String(s[range.upperBound...]))])
        },
        "removeprefix": { v, a, r in
            let p = try stringArgument(try a.bind("removeprefix", ["prefix"])[0]!, "removeprefix")
            let s = text(v)
            return .str(s.hasPrefix(p) ? String(s.dropFirst(p.count)) : s)
        },
        "removesuffix": { v, a, r in
            let p = try stringArgument(try a.bind("removesuffix", ["suffix"])[0]!, "removesuffix")
            let s = text(v)
            return .str(s.hasSuffix(p) && !p.isEmpty ? String(s.dropLast(p.count)) : s)
        },
        "encode": { v, a, r in
            throw PyError.notImplemented("bytes are not part of the course's Python; work with str directly")
        },
    ]
}
