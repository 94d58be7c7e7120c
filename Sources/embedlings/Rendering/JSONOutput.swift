import Foundation

/// Prints a value as pretty, key-sorted JSON on standard output (for `--json` flags).
enum JSONOutput {
    static func print<Value: Encodable>(_ value: Value) throws(CommandFailure) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        do {
            var data = try encoder.encode(value)
            data.append(UInt8(ascii: "\n"))
            FileHandle.standardOutput.write(data)
        } catch {
            throw CommandFailure(message: "could not encode JSON: \(error)", exitCode: 1)
        }
    }
}
