import Foundation

/// Finds the resource bundles SwiftPM builds for this package's targets, beside the running
/// executable (or test runner), so the binary works from any working directory.
///
/// SwiftPM's generated `Bundle.module` crashes the process when its bundle is missing (a
/// binary copied without its resources); this lookup answers nil instead, so the caller can
/// say which file is missing and what to do.
public enum ResourceBundle {
    /// The bundle of `target` that holds `resource` (a file or folder name), or nil.
    public static func of(target: String, containing resource: String) -> Bundle? {
        let names = ["embedlings_\(target).resources", "embedlings_\(target).bundle"]
        for directory in searchDirectories {
            for name in names {
                let candidate = directory.appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent(resource).path)
                    || FileManager.default.fileExists(atPath: candidate.appendingPathComponent("Contents/Resources").appendingPathComponent(resource).path),
                   let bundle = Bundle(url: candidate) {
                    return bundle
                }
            }
        }
        return nil
    }

    /// Where bundles are looked for: the main bundle and the directory of the executable.
    private static let searchDirectories: [URL] = {
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        return [Bundle.main.bundleURL, Bundle.main.resourceURL, executable].compactMap { $0 }
    }()
}
