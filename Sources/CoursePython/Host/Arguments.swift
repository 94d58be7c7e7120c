/// The arguments of a call: positional values and keyword pairs in call order.
public struct Arguments {
    public var positional: [PyValue]
    public var keywords: [(name: String, value: PyValue)]

    public init(_ positional: [PyValue] = [], keywords: [(name: String, value: PyValue)] = []) {
        self.positional = positional
        self.keywords = keywords
    }

    /// The keyword argument `name`, if given.
    public func keyword(_ name: String) -> PyValue? {
        keywords.first { $0.name == name }?.value
    }

    /// Binds the arguments to a signature the way CPython does for a `def`, raising CPython's
    /// TypeErrors (`create() missing 1 required keyword-only argument: 'model'`, `got an
    /// unexpected keyword argument 'x'`, …). Returns one slot per parameter, nil when an
    /// optional parameter was not given.
    ///
    ///     let a = try arguments.bind("cosine", ["u", "v", .optional("w")])
    public func bind(_ function: String, _ parameters: [Parameter]) throws -> BoundArguments {
        var slots = [PyValue?](repeating: nil, count: parameters.count)
        let positionalCapacity = parameters.firstIndex { $0.keywordOnly } ?? parameters.count
        if positional.count > positionalCapacity {
            let required = parameters[..<positionalCapacity].filter { !$0.optional }.count
            let takes = required == positionalCapacity
                ? "\(positionalCapacity)" : "from \(required) to \(positionalCapacity)"
            let noun = positionalCapacity == 1 && required == positionalCapacity ? "argument" : "arguments"
            let was = positional.count == 1 ? "was" : "were"
            throw PyError.typeError("\(function)() takes \(takes) positional \(noun) but \(positional.count) \(was) given")
        }
        for (i, value) in positional.enumerated() { slots[i] = value }
        for (name, value) in keywords {
            guard let i = parameters.firstIndex(where: { $0.name == name }) else {
                throw PyError.typeError("\(function)() got an unexpected keyword argument '\(name)'")
            }
            if slots[i] != nil {
                throw PyError.typeError("\(function)() got multiple values for argument '\(name)'")
            }
            slots[i] = value
        }
        let missingPositional = parameters.indices.filter { slots[$0] == nil && !parameters[$0].optional && !parameters[$0].keywordOnly }
        if !missingPositional.isEmpty {
            throw PyError.typeError(Self.missingMessage(function, missingPositional.map { parameters[$0].name }, kind: "positional"))
        }
        let missingKeyword = parameters.indices.filter { slots[$0] == nil && !parameters[$0].optional }
        if !missingKeyword.isEmpty {
            throw PyError.typeError(Self.missingMessage(function, missingKeyword.map { parameters[$0].name }, kind: "keyword-only"))
        }
        return BoundArguments(names: parameters.map(\.name), slots: slots)
    }

    static func missingMessage(_ function: String, _ names: [String], kind: String) -> String {
        let quoted = names.map { "'\($0)'" }
        let list: String
        switch quoted.count {
        case 1: list = quoted[0]
        case 2: list = "\(quoted[0]) and \(quoted[1])"
        default: list = quoted.dropLast().joined(separator: ", ") + ", and " + quoted[quoted.count - 1]
        }
        let noun = names.count == 1 ? "argument" : "arguments"
        return "\(function)() missing \(names.count) required \(kind) \(noun): \(list)"
    }

    /// Raises CPython's TypeError when more than `count` positional arguments (or any keyword) were given.
    public func expectAtMost(_ count: Int, _ function: String) throws {
        if !keywords.isEmpty {
            throw PyError.typeError("\(function)() takes no keyword arguments")
        }
        if positional.count > count {
            let noun = count == 1 ? "argument" : "arguments"
            throw PyError.typeError("\(function) expected at most \(count) \(noun), got \(positional.count)")
        }
    }

    /// Raises CPython's TypeError unless exactly `count` positional arguments and no keywords were given.
    public func expectExactly(_ count: Int, _ function: String) throws {
        if !keywords.isEmpty {
            throw PyError.typeError("\(function)() takes no keyword arguments")
        }
        if positional.count != count {
            if count == 0 {
                throw PyError.typeError("\(function)() takes no arguments (\(positional.count) given)")
            }
            if count == 1 {
                throw PyError.typeError("\(function)() takes exactly one argument (\(positional.count) given)")
            }
            throw PyError.typeError("\(function) expected \(count) arguments, got \(positional.count)")
        }
    }
}

/// One parameter of a native signature, for `Arguments.bind`.
public struct Parameter: ExpressibleByStringLiteral, Sendable {
    public var name: String
    public var optional: Bool
    public var keywordOnly: Bool

    public init(_ name: String, optional: Bool = false, keywordOnly: Bool = false) {
        self.name = name; self.optional = optional; self.keywordOnly = keywordOnly
    }
    public init(stringLiteral value: String) { self.init(value) }

    /// A positional-or-keyword parameter with a default.
    public static func optional(_ name: String) -> Parameter { Parameter(name, optional: true) }
    /// A required keyword-only parameter (after `*` in a def).
    public static func keyword(_ name: String) -> Parameter { Parameter(name, keywordOnly: true) }
    /// An optional keyword-only parameter.
    public static func optionalKeyword(_ name: String) -> Parameter { Parameter(name, optional: true, keywordOnly: true) }
}

/// Arguments matched to parameter names.
public struct BoundArguments {
    public let names: [String]
    public let slots: [PyValue?]

    /// The value for `name`, nil when an optional parameter was not given (or given as None
    /// when `noneIsMissing`).
    public subscript(_ name: String) -> PyValue? {
        guard let i = names.firstIndex(of: name) else { return nil }
        return slots[i]
    }

    /// The value at position `i` of the signature.
    public subscript(_ i: Int) -> PyValue? { slots[i] }
}
