/// Which `Authorization: Bearer` keys the fake endpoint accepts. A missing key is always a 401.
public enum KeyPolicy: Sendable, Hashable {
    /// Only the course's placeholder token `<OPENAI_API_TOKEN>`; any other key is "incorrect"
    /// (401, masked), which is what a learner meets with a mistyped key.
    case placeholderOnly
    /// Any non-empty key, so the API reference's curl example works verbatim with whatever
    /// `$OPENAI_API_KEY` holds.
    case anyKey
}
