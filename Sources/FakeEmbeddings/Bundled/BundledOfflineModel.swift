import EmbeddingModel
import Tokenizer

/// The files a default fake answers from: tiktoken's cl100k_base ranks and the semantic model
/// distilled from all-MiniLM-L6-v2. Each is loaded once per process, on first use, and is
/// checksummed. A damaged install is reported, never papered over with guesses: the fake then
/// answers every embeddings request with a 500 that names the file and how to repair it.
enum BundledOfflineModel {
    static let tokenCounter: Result<any TokenCounting, FakeAPIError> = {
        do {
            return .success(BPETokenCounter(encoding: try BPEEncoding.cl100kBase()))
        } catch {
            return .failure(.offlineModelUnavailable(String(describing: error)))
        }
    }()

    static let embedder: Result<any TextEmbedder, FakeAPIError> = {
        do {
            return .success(try SemanticEmbedder.shared())
        } catch {
            return .failure(.offlineModelUnavailable(String(describing: error)))
        }
    }()
}
