import Foundation

/// Where progress and history live: `--data-dir`, else `$EMBEDLINGS_HOME`, else
/// `$XDG_DATA_HOME/embedlings`, else `~/.local/share/embedlings`.
public struct DataDirectory: Sendable {
    /// The directory.
    public let url: URL

    /// Resolves the directory from the command-line option and the environment.
    public init(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        func nonEmpty(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
        if let path = nonEmpty(option) {
            url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
        } else if let home = nonEmpty(environment["EMBEDLINGS_HOME"]) {
            url = URL(fileURLWithPath: (home as NSString).expandingTildeInPath)
        } else if let xdg = nonEmpty(environment["XDG_DATA_HOME"]) {
            url = URL(fileURLWithPath: xdg).appendingPathComponent("embedlings")
        } else {
            let home = nonEmpty(environment["HOME"]) ?? NSHomeDirectory()
            url = URL(fileURLWithPath: home).appendingPathComponent(".local/share/embedlings")
        }
    }

    /// Creates the directory when missing and checks that it can be read and written.
    public func prepare() throws(DataDirectoryError) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw DataDirectoryError(path: url.path, reason: "it is a file, not a directory")
            }
        } else {
            do {
                try manager.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw DataDirectoryError(path: url.path, reason: "it cannot be created (check the permissions of its parent)")
            }
        }
        guard manager.isReadableFile(atPath: url.path), manager.isWritableFile(atPath: url.path),
              manager.isExecutableFile(atPath: url.path) else {
            throw DataDirectoryError(path: url.path, reason: "it is not readable and writable by you (check its permissions, or pass --data-dir)")
        }
    }

    /// The progress log in this directory.
    public var progressLog: ProgressLog { ProgressLog(directory: url) }

    /// The line-editor history file in this directory.
    public var historyFile: URL { url.appendingPathComponent("history") }
}

/// The data directory cannot be used; says which and why.
public struct DataDirectoryError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public var description: String { "cannot use the data directory \(path): \(reason)" }
}
