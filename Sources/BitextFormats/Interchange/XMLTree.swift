import BitextCore
import XMLKit

/// XML read as a stream of small trees: the elements a format calls its units (TMX `<tu>`, TBX
/// `<termEntry>`) are built one at a time, each element remembering its line and column, and
/// handed over before the next is read; nothing else of the document is kept. Memory is bounded by
/// the largest unit, nothing recurses, and errors name the file, the line and the column.
enum XMLTree {
    final class Element {
        let name: String
        let attributes: [String: String]
        let line: Int
        let column: Int
        private(set) var children: [Element] = []
        /// Text and child elements in document order.
        private(set) var content: [Content] = []

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

        func append(_ child: Element) {
            children.append(child)
            content.append(.element(child))
        }

        func append(_ text: String) { content.append(.text(text)) }

        /// All the text inside, child elements flattened to their text (in document order, without recursion).
        var text: String { text(skipping: []).text }

        /// The text inside, leaving out the elements named in `skipped` with all they hold, and how
        /// many such elements there were.
        func text(skipping skipped: Set<String>) -> (text: String, skipped: Int) {
            var out = ""
            var count = 0
            var stack: [(element: Element, next: Int)] = [(self, 0)]
            while let (element, next) = stack.popLast() {
                guard next < element.content.count else { continue }
                stack.append((element, next + 1))
                switch element.content[next] {
                case .text(let t): out += t
                case .element(let child):
                    if skipped.contains(child.name) { count += 1 } else { stack.append((child, 0)) }
                }
            }
            return (out, count)
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

        /// Descendants named `name`, in document order (without recursion).
        func descendants(_ name: String) -> [Element] {
            var result: [Element] = []
            var stack = Array(children.reversed())
            while let e = stack.popLast() {
                if e.name == name { result.append(e) }
                stack.append(contentsOf: e.children.reversed())
            }
            return result
        }
    }

    /// Streams the XML document in `bytes`: `root` gets the root element (without its content)
    /// first; then every element for which `isUnit(name, names of the open elements above it)` holds
    /// is built whole and given to `unit`. Returns the names of the elements seen outside units.
    @discardableResult
    static func stream(_ bytes: [UInt8], source: String, root: (Element) throws(BitextError) -> Void,
                       isUnit: (String, [String]) -> Bool, unit: (Element) throws(BitextError) -> Void) throws(BitextError) -> Set<String> {
        try stream(source: source, open: { () throws(XMLError) in try XMLPullReader(bytes: bytes) }, root: root, isUnit: isUnit, unit: unit)
    }

    /// The same, streaming the file at `path` from the disk.
    @discardableResult
    static func stream(path: String, root: (Element) throws(BitextError) -> Void,
                       isUnit: (String, [String]) -> Bool, unit: (Element) throws(BitextError) -> Void) throws(BitextError) -> Set<String> {
        _ = try DocumentReader.size(of: path)  // a missing file or a folder gets bitext's own message
        return try stream(source: path, open: { () throws(XMLError) in try XMLPullReader(path: path) }, root: root, isUnit: isUnit, unit: unit)
    }

    private static func stream(source: String, open: () throws(XMLError) -> XMLPullReader, root: (Element) throws(BitextError) -> Void,
                               isUnit: (String, [String]) -> Bool, unit: (Element) throws(BitextError) -> Void) throws(BitextError) -> Set<String> {
        var seen = Set<String>()
        var context: [String] = []  // names of the open elements outside a unit
        var building: [Element] = []  // the open elements of the unit being built
        var sawRoot = false
        func fail(_ e: XMLError) -> BitextError { .malformed(path: source, line: e.line, column: e.column, reason: e.reason) }
        do {
            let reader = try open()
            while let event = try reader.next() {
                switch event {
                case let .start(name, attributes, line, column, empty):
                    let element = Element(name: name, attributes: Dictionary(attributes.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a }),
                                          line: line, column: column)
                    if let parent = building.last {
                        parent.append(element)
                        if !empty { building.append(element) }
                    } else if !sawRoot {
                        sawRoot = true
                        try root(element)
                        seen.insert(name)
                        if !empty { context.append(name) }
                    } else if isUnit(name, context) {
                        if empty { try unit(element) } else { building.append(element) }
                    } else {
                        seen.insert(name)
                        if !empty { context.append(name) }
                    }
                case .end:
                    if building.isEmpty {
                        context.removeLast()
                    } else {
                        let finished = building.removeLast()
                        if building.isEmpty { try unit(finished) }
                    }
                case .text(let text):
                    building.last?.append(text)
                }
            }
        } catch let error as XMLError {
            throw fail(error)
        } catch let error as BitextError {
            throw error
        } catch {
            preconditionFailure("\(error)")
        }
        if !sawRoot { throw .malformed(path: source, line: 1, column: 1, reason: "not an XML document (it is empty)") }
        return seen
    }
}
