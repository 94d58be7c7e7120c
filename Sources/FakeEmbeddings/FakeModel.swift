/// A model the fake endpoint serves, with the facts the real API publishes about it.
public struct FakeModel: Sendable, Hashable {
    public var id: String
    /// The full vector size.
    public var dimensions: Int
    /// Whether a request may shorten vectors with `dimensions`.
    public var acceptsDimensions: Bool
    /// Unix seconds, as `GET /v1/models` reports.
    public var created: Int
    public var ownedBy: String

    public init(id: String, dimensions: Int, acceptsDimensions: Bool, created: Int, ownedBy: String) {
        self.id = id
        self.dimensions = dimensions
        self.acceptsDimensions = acceptsDimensions
        self.created = created
        self.ownedBy = ownedBy
    }

    /// The three embedding models of the API.
    public static let all: [FakeModel] = [
        FakeModel(id: "text-embedding-3-small", dimensions: 1536, acceptsDimensions: true, created: 1_705_948_997, ownedBy: "system"),
        FakeModel(id: "text-embedding-3-large", dimensions: 3072, acceptsDimensions: true, created: 1_705_953_180, ownedBy: "system"),
        FakeModel(id: "text-embedding-ada-002", dimensions: 1536, acceptsDimensions: false, created: 1_671_217_299, ownedBy: "openai-internal"),
    ]

    /// The model called `id`, if the API has it.
    public static func named(_ id: String) -> FakeModel? {
        all.first { $0.id == id }
    }
}
