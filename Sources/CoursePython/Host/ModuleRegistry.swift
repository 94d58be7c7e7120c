/// Builds a native module for one interpreter. Called at most once per interpreter, on the first
/// `import`; the module's objects belong to that interpreter.
public typealias ModuleLoader = @Sendable (_ runtime: Runtime) throws -> PyModule

/// The native modules `import` can find, by dotted name (`numpy`, `scipy.spatial.distance`).
/// Registering `scipy.spatial.distance` makes `scipy` and `scipy.spatial` importable packages
/// whose attributes lead to it.
public struct ModuleRegistry: Sendable {
    private(set) var loaders: [String: ModuleLoader] = [:]

    public init() {}

    /// Registers (or replaces) the module `name`.
    public mutating func register(_ name: String, loader: @escaping ModuleLoader) {
        loaders[name] = loader
    }

    /// Every importable name, including implied parent packages, sorted.
    public var moduleNames: [String] {
        var names = Set(loaders.keys)
        for name in loaders.keys {
            var parts = name.split(separator: ".").map(String.init)
            while parts.count > 1 {
                parts.removeLast()
                names.insert(parts.joined(separator: "."))
            }
        }
        return names.sorted()
    }

    /// Top-level names (`numpy`, `openai`, `scipy`), for ModuleNotFoundError messages.
    public var topLevelNames: [String] {
        Array(Set(moduleNames.map { String($0.split(separator: ".")[0]) })).sorted()
    }

    func loader(for name: String) -> ModuleLoader? { loaders[name] }
    func isPackage(_ name: String) -> Bool { moduleNames.contains { $0.hasPrefix(name + ".") } }
}
