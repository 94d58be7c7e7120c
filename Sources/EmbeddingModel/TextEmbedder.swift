/// Turns text into a vector in one model's space.
///
/// The fake endpoint asks for a model's full size (1536 or 3072) and shortens the result
/// itself when a request names `dimensions`; embedders never see `dimensions`.
public protocol TextEmbedder: Sendable {
    /// A unit-norm vector of `dimensions` components for `text` in the space of `model`.
    /// Equal inputs give equal vectors; different models give unrelated spaces.
    func embed(_ text: String, model: String, dimensions: Int) -> [Float]
}
