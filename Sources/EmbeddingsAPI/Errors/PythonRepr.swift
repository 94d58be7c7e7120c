/// Python's `repr` of strings and `None`, so error texts read as they do in the SDK.
enum PythonRepr {
    static func optional(_ text: String?) -> String {
        text.map(string) ?? "None"
    }

    /// Single quotes unless the text holds a single quote and no double quote, as Python does.
    static func string(_ text: String) -> String {
        let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
        var out = String(quote)
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case quote: out += "\\" + String(quote)
            default: out.append(character)
            }
        }
        out.append(quote)
        return out
    }
}
