/// Text: an optional heading, paragraphs and bullets.
public struct TextBlock: Hashable, Sendable, Codable {
    /// A heading over the text.
    public var heading: String?
    /// Paragraphs.
    public var paragraphs: [String]
    /// Bullet points after the paragraphs.
    public var bullets: [String]

    /// Creates a text block.
    public init(heading: String? = nil, paragraphs: [String] = [], bullets: [String] = []) {
        self.heading = heading
        self.paragraphs = paragraphs
        self.bullets = bullets
    }
}
