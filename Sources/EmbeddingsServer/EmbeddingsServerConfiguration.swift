import EmbeddingModel
import FakeEmbeddings

/// How `embedlings serve` runs: where it listens, which keys it accepts, simulated limits.
public struct EmbeddingsServerConfiguration: Sendable {
    /// Loopback by default: a class-wide server must be asked for explicitly (`--host 0.0.0.0`).
    public var host: String
    /// 0 picks a free port.
    public var port: Int
    /// Bodies larger than this are answered with 413 without being read.
    public var maxBodyBytes: Int
    public var fake: FakeEmbeddings

    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        maxBodyBytes: Int = 8 * 1024 * 1024,
        fake: FakeEmbeddings = FakeEmbeddings(keyPolicy: .anyKey)
    ) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.fake = fake
    }
}
