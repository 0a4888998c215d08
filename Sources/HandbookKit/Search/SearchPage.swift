struct SearchPage: Sendable, Equatable, Codable {
    var title: String
    var url: String
}
