import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The learner's progress: an append-only JSON Lines file. Each event is one line written with a
/// single write(2) under O_APPEND and then fsync'd, so a crash loses at most the line being
/// written and two processes appending at once never interleave their lines.
public struct ProgressLog: Sendable {
    /// The log file.
    public let url: URL

    public init(url: URL) {
        self.url = url
    }

    /// The log in a data directory (`progress.jsonl`).
    public init(directory: URL) {
        self.init(url: directory.appendingPathComponent("progress.jsonl"))
    }

    /// What reading the log found: the events, and the lines that had to be skipped.
    public struct Contents: Sendable {
        public let events: [ProgressEvent]
        /// 1-based line numbers of corrupt or truncated lines that were skipped.
        public let skippedLines: [Int]

        /// One warning for the learner when lines were skipped, nil otherwise.
        public func warning(path: String) -> String? {
            guard let first = skippedLines.first else { return nil }
            let count = skippedLines.count == 1 ? "1 unreadable line" : "\(skippedLines.count) unreadable lines"
            return "warning: \(path): skipped \(count) (first at line \(first)); all other progress is kept."
        }
    }

    /// Appends one event and flushes it to disk before returning.
    public func append(_ event: ProgressEvent) throws(ProgressLogError) {
        var line: Data
        do {
            line = try Self.encoder.encode(event)
        } catch {
            throw ProgressLogError(path: url.path, reason: "could not encode an event: \(error)")
        }
        line.append(UInt8(ascii: "\n"))
        let descriptor = open(url.path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure("cannot open for writing") }
        defer { close(descriptor) }
        if endsWithoutNewline(descriptor) {
            line.insert(UInt8(ascii: "\n"), at: 0)
        }
        let written = line.withUnsafeBytes { buffer in
            write(descriptor, buffer.baseAddress, buffer.count)
        }
        guard written == line.count else {
            throw written < 0 ? failure("cannot write") : ProgressLogError(path: url.path, reason: "the disk accepted only part of a line (is it full?)")
        }
        guard fsync(descriptor) == 0 else { throw failure("cannot flush to disk") }
    }

    /// Reads every event. A missing file is an empty log; corrupt or truncated lines are skipped
    /// and reported in `skippedLines`, keeping everything else.
    public func read() throws(ProgressLogError) -> Contents {
        guard FileManager.default.fileExists(atPath: url.path) else {
            return Contents(events: [], skippedLines: [])
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ProgressLogError(path: url.path, reason: "cannot be read (check its permissions)")
        }
        let decoder = Self.decoder
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        var events: [ProgressEvent] = []
        var skipped: [Int] = []
        for (index, line) in lines.enumerated() {
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) { continue }
            if let event = try? decoder.decode(ProgressEvent.self, from: line) {
                events.append(event)
            } else {
                skipped.append(index + 1)
            }
        }
        return Contents(events: events, skippedLines: skipped)
    }

    private func endsWithoutNewline(_ descriptor: Int32) -> Bool {
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size > 0 else { return false }
        var last: UInt8 = 0
        guard pread(descriptor, &last, 1, off_t(status.st_size - 1)) == 1 else { return false }
        return last != UInt8(ascii: "\n")
    }

    private func failure(_ what: String) -> ProgressLogError {
        ProgressLogError(path: url.path, reason: "\(what): \(String(cString: strerror(errno)))")
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
