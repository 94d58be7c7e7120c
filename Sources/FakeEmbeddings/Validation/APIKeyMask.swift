/// Masks an API key the way the real API quotes it in a 401: a few characters at each end
/// and asterisks between. Short keys show less, so that no key is ever quoted whole.
public enum APIKeyMask {
    public static func mask(_ key: String) -> String {
        let characters = Array(key)
        let (prefix, suffix): (Int, Int) =
            switch characters.count {
            case 20...: (8, 4)
            case 8..<20: (3, 0)
            default: (0, 0)
            }
        let hidden = characters.count - prefix - suffix
        return String(characters[..<prefix]) + String(repeating: "*", count: hidden) + String(characters[(characters.count - suffix)...])
    }
}
