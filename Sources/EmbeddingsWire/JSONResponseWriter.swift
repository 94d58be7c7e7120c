/// Writes response bodies straight to UTF-8 bytes, without `JSONEncoder`.
///
/// A served 8-input float response holds over 12,000 numbers; encoding them through
/// `JSONEncoder` costs more than computing them. Floats are written as the shortest text
/// that reads back as the same float32 (`ShortestFloatText`, the characters of
/// `Float.description`). Key order follows the real API's responses.
public enum JSONResponseWriter {
    /// The JSON bytes of `response`.
    public static func write(_ response: EmbeddingResponse) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(estimatedSize(response))
        out.append(contentsOf: #"{"object":"#.utf8)
        appendString(response.object, to: &out)
        out.append(contentsOf: #","data":["#.utf8)
        for (position, item) in response.data.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: #"{"object":"#.utf8)
            appendString(item.object, to: &out)
            out.append(contentsOf: #","index":"#.utf8)
            out.append(contentsOf: String(item.index).utf8)
            out.append(contentsOf: #","embedding":"#.utf8)
            switch item.embedding {
            case .floats(let values):
                appendFloats(values, to: &out)
            case .base64(let text):
                appendBase64(text, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: #"],"model":"#.utf8)
        appendString(response.model, to: &out)
        out.append(contentsOf: #","usage":{"prompt_tokens":"#.utf8)
        out.append(contentsOf: String(response.usage.promptTokens).utf8)
        out.append(contentsOf: #","total_tokens":"#.utf8)
        out.append(contentsOf: String(response.usage.totalTokens).utf8)
        out.append(contentsOf: "}}".utf8)
        return out
    }

    /// The JSON bytes of an error envelope, `param` and `code` as `null` when absent.
    public static func write(_ body: APIErrorBody) -> [UInt8] {
        var out: [UInt8] = []
        out.append(contentsOf: #"{"error":{"message":"#.utf8)
        appendString(body.error.message, to: &out)
        out.append(contentsOf: #","type":"#.utf8)
        appendOptionalString(body.error.type, to: &out)
        out.append(contentsOf: #","param":"#.utf8)
        appendOptionalString(body.error.param, to: &out)
        out.append(contentsOf: #","code":"#.utf8)
        appendOptionalString(body.error.code, to: &out)
        out.append(contentsOf: "}}".utf8)
        return out
    }

    /// A JSON array of numbers, each the shortest text that reads back as the same float
    /// (`ShortestFloatText`); non-finite values (which unit vectors never hold) become 0
    /// because JSON has no spelling for them.
    static func appendFloats(_ values: [Float], to out: inout [UInt8]) {
        let capacity = values.count * (ShortestFloatText.maximumLength + 1) + 2
        let text = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            guard let base = buffer.baseAddress else {
                count = 0
                return
            }
            var position = 0
            base[position] = UInt8(ascii: "[")
            position += 1
            for (index, value) in values.enumerated() {
                if index > 0 {
                    base[position] = UInt8(ascii: ",")
                    position += 1
                }
                if value.isFinite {
                    position += ShortestFloatText.write(value, to: base + position)
                } else {
                    base[position] = UInt8(ascii: "0")
                    position += 1
                }
            }
            base[position] = UInt8(ascii: "]")
            count = position + 1
        }
        out.append(contentsOf: text)
    }

    /// A base64 embedding as a JSON string: its alphabet needs no escaping, so the bytes are
    /// copied as they are.
    static func appendBase64(_ text: String, to out: inout [UInt8]) {
        var text = text
        out.append(UInt8(ascii: "\""))
        text.withUTF8 { out.append(contentsOf: $0) }
        out.append(UInt8(ascii: "\""))
    }

    static func appendOptionalString(_ text: String?, to out: inout [UInt8]) {
        if let text {
            appendString(text, to: &out)
        } else {
            out.append(contentsOf: "null".utf8)
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped. Text with
    /// nothing to escape (every base64 embedding) is copied in one go.
    static func appendString(_ text: String, to out: inout [UInt8]) {
        var text = text
        out.append(UInt8(ascii: "\""))
        text.withUTF8 { bytes in
            guard bytes.contains(where: needsEscaping) else {
                out.append(contentsOf: bytes)
                return
            }
            for byte in bytes { appendEscaped(byte, to: &out) }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func appendEscaped(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
        case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
        case UInt8(ascii: "\n"): out.append(contentsOf: #"\n"#.utf8)
        case UInt8(ascii: "\r"): out.append(contentsOf: #"\r"#.utf8)
        case UInt8(ascii: "\t"): out.append(contentsOf: #"\t"#.utf8)
        case 0..<0x20:
            let hex = Array("0123456789abcdef".utf8)
            out.append(contentsOf: #"\u00"#.utf8)
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0f)])
        default: out.append(byte)
        }
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private static func estimatedSize(_ response: EmbeddingResponse) -> Int {
        var size = 160
        for item in response.data {
            switch item.embedding {
            case .floats(let values): size += 64 + values.count * 14
            case .base64(let text): size += 64 + text.utf8.count
            }
        }
        return size
    }
}
