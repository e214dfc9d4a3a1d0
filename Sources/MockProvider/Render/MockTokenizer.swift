/// Splits text into token-sized pieces the way a model streams them: a word with its leading
/// whitespace, a punctuation mark, one CJK character or one emoji at a time. Joining the pieces
/// gives the text back exactly.
enum MockTokenizer {
    /// The pieces of `text`, in order.
    static func tokens(_ text: String) -> [String] {
        var pieces: [String] = []
        var whitespace = ""
        var word = ""
        func flushWord() {
            guard !word.isEmpty else { return }
            pieces.append(whitespace + word)
            whitespace = ""
            word = ""
        }
        for character in text {
            if character.isWhitespace {
                flushWord()
                whitespace.append(character)
            } else if isWordCharacter(character) {
                word.append(character)
                if word.count >= 10 { flushWord() }
            } else {
                flushWord()
                pieces.append(whitespace + String(character))
                whitespace = ""
            }
        }
        flushWord()
        if !whitespace.isEmpty { pieces.append(whitespace) }
        return pieces
    }

    /// A rough token count (the number of pieces), used for the usage object.
    static func count(_ text: String) -> Int {
        tokens(text).count
    }

    /// Latin-script letters and digits group into words; CJK and symbols stand alone.
    private static func isWordCharacter(_ character: Character) -> Bool {
        (character.isLetter || character.isNumber || character == "'") && character.unicodeScalars.allSatisfy { $0.value < 0x2E80 }
    }
}
