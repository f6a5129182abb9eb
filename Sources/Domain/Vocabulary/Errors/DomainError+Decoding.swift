extension DomainError {
    /// An error for data that could not be decoded, naming where it came from and the path to the bad field.
    ///
    /// ```swift
    /// // invalidInput: assessments.json: at assessments[2].responses[0].rating: expected String, found a number
    /// ```
    ///
    /// - Parameters:
    ///   - error: The error the decoder threw.
    ///   - source: Where the data came from, such as a file name or a record reference.
    ///   - code: The code to give the error; ``Code/invalidInput`` unless the data was the store's own.
    /// - Returns: The error, with the path to the bad field.
    public static func decoding(_ error: any Error, in source: String, code: Code = .invalidInput) -> DomainError {
        if let domain = error as? DomainError { return domain }
        guard let decoding = error as? DecodingError else {
            return DomainError(code, "\(source): \(error)", underlying: error)
        }
        func path(_ keys: [any CodingKey]) -> String {
            guard !keys.isEmpty else { return "the top level" }
            var text = ""
            for key in keys {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
            return text
        }
        let detail: String
        switch decoding {
        case .typeMismatch(let type, let context):
            detail = "at \(path(context.codingPath)): expected \(type); \(context.debugDescription)"
        case .valueNotFound(let type, let context):
            detail = "at \(path(context.codingPath)): a value of type \(type) is missing"
        case .keyNotFound(let key, let context):
            detail = "at \(path(context.codingPath + [key])): the field is missing"
        case .dataCorrupted(let context):
            detail = "at \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            detail = "\(decoding)"
        }
        return DomainError(code, "\(source): \(detail)", underlying: error)
    }
}
