/// One call of a function, kept when the interpreter records calls, so checks can ask
/// "was `client.embeddings.create` called with `model="text-embedding-3-small"`?".
public struct CallRecord {
    /// The function's dotted name (`openai.Embeddings.create`, `numpy.dot`, or a learner's `cosine`).
    public let function: String
    /// The arguments as passed (for bound methods, without `self`).
    public let arguments: Arguments
    /// The line of the learner's code that made the call.
    public let line: Int
}
