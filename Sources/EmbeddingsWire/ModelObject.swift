/// One model as `GET /v1/models` lists it.
public struct ModelObject: Sendable, Hashable, Codable {
    public var id: String
    public var object: String
    /// Unix seconds.
    public var created: Int
    public var ownedBy: String

    public init(id: String, created: Int, ownedBy: String, object: String = "model") {
        self.id = id
        self.object = object
        self.created = created
        self.ownedBy = ownedBy
    }

    enum CodingKeys: String, CodingKey {
        case id, object, created
        case ownedBy = "owned_by"
    }
}
