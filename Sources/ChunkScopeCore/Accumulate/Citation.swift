/// A source the reply cites: an OpenRouter `url_citation` annotation's title and URL.
public struct Citation: Sendable, Equatable {
    /// The page title; nil when the provider sent none.
    public var title: String?
    /// The cited URL.
    public var url: String

    /// A citation with the given title and URL.
    public init(title: String?, url: String) {
        self.title = title
        self.url = url
    }

    /// The `url_citation` entries of `annotations` (`{"type":"url_citation","url_citation":{"url","title",…}}`),
    /// in order, each URL once.
    public static func of(_ annotations: [JSONValue]) -> [Citation] {
        var out: [Citation] = []
        for annotation in annotations where annotation["type"]?.stringValue == "url_citation" {
            guard let body = annotation["url_citation"], let url = body["url"]?.stringValue, !url.isEmpty,
                  !out.contains(where: { $0.url == url }) else { continue }
            out.append(Citation(title: body["title"]?.stringValue, url: url))
        }
        return out
    }
}

extension ChoiceState {
    /// The sources cited by the choice's annotations, in order.
    public var citations: [Citation] { Citation.of(annotations) }
}
