import EmbeddingsWire

/// Reads the request bodies SDKs and curl send — one object with `input` (a string or an
/// array of strings), `model`, and optionally `dimensions`, `encoding_format` and `user`,
/// with strings free of escapes — in one pass over the bytes, without `JSONDecoder`.
///
/// `JSONDecoder` cost a tenth of a served base64 request. Anything else (escapes, token ids,
/// `null`, unknown or repeated keys, numbers that are not plain digits, invalid UTF-8, broken
/// JSON) returns nil, and the caller decodes it with `JSONDecoder`, whose errors become the
/// real API's messages. So this reader never decides what is an error; a test checks that
/// whatever it reads, `JSONDecoder` reads the same.
struct PlainRequestReader {
    private let bytes: [UInt8]
    private var position = 0

    /// The request in `body`, or nil when it is not of the plain shape.
    static func read(_ body: [UInt8]) -> EmbeddingRequest? {
        var reader = PlainRequestReader(bytes: body)
        return reader.request()
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func request() -> EmbeddingRequest? {
        guard consume(UInt8(ascii: "{")) else { return nil }
        var input: EmbeddingInput?
        var model: String?
        var dimensions: Int?
        var encodingFormat: EncodingFormat?
        var user: String?
        var seen: Set<String> = []
        repeat {
            guard let key = string(), seen.insert(key).inserted, consume(UInt8(ascii: ":")) else { return nil }
            switch key {
            case "input": guard let value = inputValue() else { return nil }; input = value
            case "model": guard let value = string() else { return nil }; model = value
            case "encoding_format": guard let value = string() else { return nil }; encodingFormat = EncodingFormat(rawValue: value)
            case "user": guard let value = string() else { return nil }; user = value
            case "dimensions": guard let value = plainInteger() else { return nil }; dimensions = value
            default: return nil
            }
        } while consume(UInt8(ascii: ","))
        guard consume(UInt8(ascii: "}")) else { return nil }
        skipWhitespace()
        guard position == bytes.count, let input, let model else { return nil }
        return EmbeddingRequest(input: input, model: model, dimensions: dimensions, encodingFormat: encodingFormat, user: user)
    }

    /// A string, or a non-empty array of strings.
    private mutating func inputValue() -> EmbeddingInput? {
        skipWhitespace()
        guard position < bytes.count else { return nil }
        if bytes[position] == UInt8(ascii: "\"") { return string().map(EmbeddingInput.text) }
        guard consume(UInt8(ascii: "[")) else { return nil }
        var texts: [String] = []
        repeat {
            guard let text = string() else { return nil }
            texts.append(text)
        } while consume(UInt8(ascii: ","))
        guard consume(UInt8(ascii: "]")) else { return nil }
        return .texts(texts)
    }

    /// A string literal with no backslash and no control character, as valid UTF-8.
    private mutating func string() -> String? {
        guard consume(UInt8(ascii: "\"")) else { return nil }
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let raw = bytes[start..<position]
                let text = String(decoding: raw, as: UTF8.self)
                position += 1
                // Decoding repairs invalid UTF-8; such bodies are left to JSONDecoder.
                return text.utf8.elementsEqual(raw) ? text : nil
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            position += 1
        }
        return nil
    }

    /// 0, or digits not starting with 0, at most nine of them.
    private mutating func plainInteger() -> Int? {
        skipWhitespace()
        let start = position
        var value = 0
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
            value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
            position += 1
        }
        let count = position - start
        guard count >= 1, count <= 9, count == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") || bytes[position] | 0x20 == UInt8(ascii: "e") { return nil }
        return value
    }

    /// Skips whitespace, then takes `byte` if it is next.
    private mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }
}
