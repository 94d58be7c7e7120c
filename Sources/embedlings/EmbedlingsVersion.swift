/// The version printed by `embedlings --version`.
enum EmbedlingsVersion {
    static let current = "0.1.0"
}
