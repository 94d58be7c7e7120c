import Foundation

/// The `date` header's text ("Sun, 06 Nov 1994 08:49:37 GMT"), formatted once per second
/// rather than once per response. One per connection, used on its event loop only.
struct HTTPDateCache {
    private var second = -1
    private var text = ""

    mutating func now() -> String {
        var seconds = time(nil)
        guard Int(seconds) != second else { return text }
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var buffer = [CChar](repeating: 0, count: 64)
        let count = strftime(&buffer, buffer.count, "%a, %d %b %Y %H:%M:%S GMT", &parts)
        text = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        second = Int(seconds)
        return text
    }
}
