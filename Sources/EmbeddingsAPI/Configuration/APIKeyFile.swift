import Foundation

/// The owner-only file that can hold the OpenAI key instead of `OPENAI_API_KEY`:
/// JSON `{"openai_api_key": "sk-..."}`. It is refused if others can read it, and written
/// with mode 0600 from the start (never widened, then narrowed).
public enum APIKeyFile {
    struct Contents: Codable {
        var openaiAPIKey: String?
        enum CodingKeys: String, CodingKey { case openaiAPIKey = "openai_api_key" }
    }

    /// The key in the file at `path`, nil when there is no file or no key in it.
    public static func read(at path: String) throws(EndpointConfigurationError) -> APIKey? {
        let manager = FileManager.default
        guard manager.fileExists(atPath: path) else { return nil }
        let attributes: [FileAttributeKey: Any]
        let data: Data
        do {
            attributes = try manager.attributesOfItem(atPath: path)
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadableConfigFile(path: path, reason: "the file exists but could not be opened")
        }
        if let permissions = attributes[.posixPermissions] as? NSNumber, permissions.intValue & 0o077 != 0 {
            throw .configFileNotOwnerOnly(path: path)
        }
        let contents: Contents
        do {
            contents = try JSONDecoder().decode(Contents.self, from: data)
        } catch {
            throw .unreadableConfigFile(path: path, reason: #"expected JSON like {"openai_api_key": "sk-..."}"#)
        }
        guard let key = contents.openaiAPIKey?.trimmingCharacters(in: .whitespacesAndNewlines), !key.isEmpty else { return nil }
        return APIKey(key)
    }

    /// Writes `key` to `path`, readable and writable by the owner only.
    public static func write(_ key: APIKey, to path: String) throws(EndpointConfigurationError) {
        let directory = (path as NSString).deletingLastPathComponent
        let body = (try? JSONEncoder().encode(Contents(openaiAPIKey: key.secret))) ?? Data()
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .unreadableConfigFile(path: path, reason: "its folder could not be created")
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw .unreadableConfigFile(path: path, reason: "it could not be created") }
        defer { close(descriptor) }
        guard fchmod(descriptor, 0o600) == 0 else { throw .unreadableConfigFile(path: path, reason: "its permissions could not be set to 600") }
        let written = body.withUnsafeBytes { raw in Foundation.write(descriptor, raw.baseAddress, raw.count) }
        guard written == body.count else { throw .unreadableConfigFile(path: path, reason: "it could not be written") }
    }
}
