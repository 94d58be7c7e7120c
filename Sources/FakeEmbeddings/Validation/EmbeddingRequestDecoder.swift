import EmbeddingsWire
import Foundation

/// Reads a request body into an `EmbeddingRequest`, turning each way it can be wrong into
/// the 400 the real API answers (never a crash, never a Swift decoding message).
enum EmbeddingRequestDecoder {
    static func decode(_ body: [UInt8]) throws(FakeAPIError) -> EmbeddingRequest {
        if let plain = PlainRequestReader.read(body) { return plain }
        do {
            return try JSONDecoder().decode(EmbeddingRequest.self, from: Data(body))
        } catch let DecodingError.keyNotFound(key, context) where context.codingPath.isEmpty {
            throw key.stringValue == "model" ? .missingModel : .missingInput
        } catch let DecodingError.typeMismatch(_, context) {
            throw invalid(at: context.codingPath)
        } catch let DecodingError.valueNotFound(_, context) {
            throw invalid(at: context.codingPath)
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            throw invalid(at: context.codingPath)
        } catch {
            throw .unparsableJSON
        }
    }

    private static func invalid(at path: [any CodingKey]) -> FakeAPIError {
        guard let field = path.first?.stringValue else { return .unparsableJSON }
        if field == "input" { return .invalidInput }
        if field == "model" { return .missingModel }
        return .invalidField(field)
    }
}
