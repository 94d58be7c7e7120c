import CEditLine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about the terminal the program runs in.
public enum TerminalInfo {
    /// Whether the file descriptor is a terminal (as opposed to a pipe or file).
    public static func isTerminal(_ descriptor: Int32) -> Bool {
        isatty(descriptor) == 1
    }

    /// The width of the terminal on `descriptor` in columns, or `fallback` when unknown.
    public static func columns(of descriptor: Int32 = 1, fallback: Int = 80) -> Int {
        let columns = Int(embedlings_terminal_columns(descriptor))
        return columns > 0 ? columns : fallback
    }
}
