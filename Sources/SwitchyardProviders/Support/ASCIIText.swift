/// ASCII character classes without Foundation.
enum CharacterClass {
    /// `A-Z`, `a-z`, `0-9`.
    static let alphanumerics: Set<Unicode.Scalar> = Set(
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).map(Unicode.Scalar.init) + (UInt8(ascii: "a")...UInt8(ascii: "z")).map(Unicode.Scalar.init)
            + (UInt8(ascii: "0")...UInt8(ascii: "9")).map(Unicode.Scalar.init)
    )
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
