/// Why the bundled semantic model could not be loaded.
///
/// Each case names the file and what is wrong with it, so a packager who forgot the resource or
/// shipped a damaged copy knows what to regenerate (Tools/semantic-model/README.md says how).
public enum SemanticModelError: Error, Equatable, CustomStringConvertible {
    /// The resource is not in the bundle at all.
    case resourceMissing(name: String)
    /// The file exists but could not be read.
    case unreadable(path: String, reason: String)
    /// The file was read but its contents do not form a valid model.
    case corrupt(path: String, reason: String)

    public var description: String {
        switch self {
        case .resourceMissing(let name):
            return "The semantic embedding model '\(name)' is missing from the EmbeddingModel resources; "
                + "rebuild the package or regenerate it with Tools/semantic-model/build_model.py."
        case .unreadable(let path, let reason):
            return "The semantic embedding model at \(path) could not be read: \(reason)."
        case .corrupt(let path, let reason):
            return "The semantic embedding model at \(path) is damaged (\(reason)); "
                + "regenerate it with Tools/semantic-model/build_model.py."
        }
    }
}
