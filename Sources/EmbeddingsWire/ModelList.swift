/// The body of `GET /v1/models`.
public struct ModelList: Sendable, Hashable, Codable {
    public var object: String
    public var data: [ModelObject]

    public init(data: [ModelObject], object: String = "list") {
        self.object = object
        self.data = data
    }
}
