/// What kind of step this is. New kinds (code exercises) are added as one more case here
/// and one more parser in `StepParser`; sessions switch over this enum.
public enum StepContent: Sendable {
    /// A passage to read; the learner presses Enter to go on.
    case text(String)
    /// A question checked on the spot.
    case question(Question)
    /// Code the learner writes, judged by its results (docs/exercises.md).
    case exercise(Exercise)
}
