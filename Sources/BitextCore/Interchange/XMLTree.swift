import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML document read into elements, each remembering the line and column where it starts, so
/// that readers of TMX and TBX can say exactly where a file is wrong.
struct XMLTree {
    final class Element {
        let name: String
        let attributes: [String: String]
        let line: Int
        let column: Int
        var children: [Element] = []
        /// Text and child elements in document order.
        var content: [Content] = []

        enum Content {
            case text(String)
            case element(Element)
        }

        init(name: String, attributes: [String: String], line: Int, column: Int) {
            self.name = name
            self.attributes = attributes
            self.line = line
            self.column = column
        }

        /// All the text inside, child elements flattened to their text.
        var text: String {
            content.map { item in
                switch item {
                case .text(let t): t
                case .element(let e): e.text
                }
            }.joined()
        }

        /// The element's language tag, from the first of `attributes` it has; a missing or
        /// ill-formed tag is an error naming `source` and the element's line.
        func languageTag(in source: String, attributes: [String] = ["xml:lang"]) throws(BitextError) -> String {
            guard let tag = attributes.lazy.compactMap({ self.attributes[$0] }).first else {
                throw .malformed(path: source, line: line, column: nil, reason: "<\(name)> has no \(attributes[0]) attribute")
            }
            guard LanguageTags.isWellFormed(tag) else {
                throw .malformed(path: source, line: line, column: nil, reason: "unknown language tag '\(tag)' (not BCP-47; e.g. zh-CN, en-US)")
            }
            return tag
        }

        /// Child elements named `name`.
        func children(_ name: String) -> [Element] { children.filter { $0.name == name } }

        /// Descendants named `name`, in document order.
        func descendants(_ name: String) -> [Element] {
            children.flatMap { ($0.name == name ? [$0] : []) + $0.descendants(name) }
        }
    }

    let root: Element

    /// Parses `data`; malformed XML is an error naming `source`, the line and the column.
    init(data: Data, source: String) throws(BitextError) {
        let parser = XMLParser(data: data)
        let builder = Builder(parser: parser)
        parser.delegate = builder
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        let finished = parser.parse()
        if let error = builder.error {
            throw .malformed(path: source, line: max(1, error.line), column: max(1, error.column), reason: "malformed XML (\(Self.describe(error.code)))")
        }
        guard finished, let root = builder.root else {
            throw .malformed(path: source, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber), reason: "not an XML document")
        }
        self.root = root
    }

    /// What libxml2's error codes (as XMLParser reports them) mean.
    private static func describe(_ code: Int) -> String {
        switch code {
        case 4: "the document is empty"
        case 5: "the document ends too early: an element is never closed"
        case 9: "a character XML does not allow"
        case 26: "an undeclared entity: write & as &amp;"
        case 38, 39, 40, 41: "a malformed attribute"
        case 64: "nothing may follow the root element"
        case 68, 73: "a tag is not closed with >"
        case 76: "an end tag does not match its start tag"
        default: "parser error \(code)"
        }
    }

    private final class Builder: NSObject, XMLParserDelegate {
        let parser: XMLParser
        var root: Element?
        var stack: [Element] = []
        /// The first error, where it happened.
        var error: (code: Int, line: Int, column: Int)?

        init(parser: XMLParser) { self.parser = parser }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            let element = Element(name: name, attributes: attributes, line: parser.lineNumber, column: parser.columnNumber)
            if let parent = stack.last {
                parent.children.append(element)
                parent.content.append(.element(element))
            } else {
                root = element
            }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.content.append(.text(string))
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if error == nil { error = ((parseError as NSError).code, parser.lineNumber, parser.columnNumber) }
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, foundCDATA data: Data) {
            stack.last?.content.append(.text(String(decoding: data, as: UTF8.self)))
        }
    }
}
