/// Resumable wrapping of the one string value that is still growing (the last value of an
/// assembling call, e.g. a file's content): each frame wraps only the text added since the last.
final class GrowingStringCache {
    /// Strings shorter than this are wrapped whole each time.
    static let threshold = 1024
    var lead: [Cell] = []
    var width = 0
    var consumed = 0
    var fingerprint: [UInt8] = []
    var wrapper: TextWrapper?
}
