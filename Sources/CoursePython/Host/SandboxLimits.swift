/// The budgets a program runs under. Every refusal names the budget and its size.
public struct SandboxLimits: Sendable, Equatable {
    /// Statements, loop iterations and calls a program may execute.
    public var maxSteps: Int
    /// Wall-clock time, in seconds, a run may take.
    public var maxSeconds: Double
    /// Largest memory, in bytes, a single list/str/dict may reach (checked before allocating).
    public var maxMemoryBytes: Int
    /// Deepest Python call nesting (CPython's default recursion limit is 1000).
    public var maxRecursionDepth: Int
    /// Most characters a program may print.
    public var maxOutputCharacters: Int

    public init(maxSteps: Int = 50_000_000, maxSeconds: Double = 1.8, maxMemoryBytes: Int = 256 << 20,
                maxRecursionDepth: Int = 1000, maxOutputCharacters: Int = 1_000_000) {
        self.maxSteps = maxSteps
        self.maxSeconds = maxSeconds
        self.maxMemoryBytes = maxMemoryBytes
        self.maxRecursionDepth = maxRecursionDepth
        self.maxOutputCharacters = maxOutputCharacters
    }

    /// The defaults: generous for exercises, tight enough that `while True: pass` ends in 2 s.
    public static let standard = SandboxLimits()
}
