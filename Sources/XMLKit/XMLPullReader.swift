internal import CXML

/// What went wrong reading XML, and where (1-based line and column).
public struct XMLError: Error, Equatable, CustomStringConvertible {
    /// What is wrong, in words a translator can act on.
    public let reason: String
    public let line: Int
    public let column: Int

    public var description: String { "\(line):\(column): \(reason)" }
}

/// One step through an XML document.
public enum XMLEvent: Equatable {
    /// An element starts: its name, attributes in document order, where, and whether it is empty (`<a/>`).
    case start(name: String, attributes: [(name: String, value: String)], line: Int, column: Int, empty: Bool)
    /// An element ends.
    case end(name: String)
    /// Character data (text or CDATA), entity and character references already replaced.
    case text(String)

    public static func == (a: XMLEvent, b: XMLEvent) -> Bool {
        switch (a, b) {
        case let (.start(n1, a1, l1, c1, e1), .start(n2, a2, l2, c2, e2)):
            n1 == n2 && a1.map(\.name) == a2.map(\.name) && a1.map(\.value) == a2.map(\.value) && l1 == l2 && c1 == c2 && e1 == e2
        case let (.end(n1), .end(n2)): n1 == n2
        case let (.text(t1), .text(t2)): t1 == t2
        default: false
        }
    }
}

/// A streaming pull reader over system libxml2's `xmlTextReader`: memory bounded by libxml2's
/// buffer, not by the document; no recursion; no external entity, DTD or network fetch; an
/// entity reference other than XML's five and character references is an error naming it;
/// libxml2's guards stay (nesting at most 256 deep, a text node at most 10 MB).
public final class XMLPullReader {
    private let reader: OpaquePointer
    private let bytes: [CChar]?
    private var finished = false

    /// A reader of the file at `path`.
    public init(path: String) throws(XMLError) {
        guard let r = bitext_xml_open_file(path) else { throw XMLError(reason: "cannot open the file", line: 1, column: 1) }
        reader = r
        bytes = nil
    }

    /// A reader of `bytes` (a whole document in memory).
    public init(bytes: [UInt8]) throws(XMLError) {
        let copy = bytes.map { CChar(bitPattern: $0) }
        guard let r = copy.withUnsafeBufferPointer({ bitext_xml_open_memory($0.baseAddress, Int32($0.count)) }) else {
            throw XMLError(reason: "out of memory", line: 1, column: 1)
        }
        // libxml2 keeps pointing into the buffer: an Array's storage does not move while it is not mutated.
        reader = r
        self.bytes = copy
    }

    /// A reader of an HTML document (`bytes` in UTF-8, whatever its meta tag says), parsed by
    /// libxml2's HTML parser, which repairs markup as browsers do: unclosed and misnested elements
    /// are closed, HTML's named entities replaced; it fails only where it would stop reading (nesting
    /// deeper than 256 elements). Element names come
    /// lower-case; the contents of `script` and `style` come as text.
    public init(html bytes: [UInt8]) throws(XMLError) {
        let copy = bytes.map { CChar(bitPattern: $0) }
        guard let r = copy.withUnsafeBufferPointer({ bitext_xml_open_html($0.baseAddress, Int32($0.count)) }) else {
            throw XMLError(reason: "out of memory", line: 1, column: 1)
        }
        reader = r
        self.bytes = copy
        if bitext_xml_error_message(r) != nil { throw error() }  // the parser stopped: the rest of the page would be lost
    }

    deinit { bitext_xml_close(reader) }

    /// The line (1-based) the node of the last event starts on.
    public var line: Int { Int(bitext_xml_node_line(reader)) }

    /// The next event, or nil at the end of the document.
    public func next() throws(XMLError) -> XMLEvent? {
        while !finished {
            let result = bitext_xml_read(reader)
            if result < 0 { throw error() }
            if result == 0 { finished = true; return nil }
            switch bitext_xml_node_type(reader) {
            case Int32(bitext_xml_element):
                let name = string(bitext_xml_name(reader))
                let line = Int(bitext_xml_node_line(reader)), column = Int(bitext_xml_column(reader))
                let empty = bitext_xml_is_empty_element(reader) == 1
                var attributes: [(name: String, value: String)] = []
                while bitext_xml_next_attribute(reader) == 1 {
                    attributes.append((string(bitext_xml_name(reader)), string(bitext_xml_value(reader))))
                }
                return .start(name: name, attributes: attributes, line: line, column: column, empty: empty)
            case Int32(bitext_xml_end_element):
                return .end(name: string(bitext_xml_name(reader)))
            case Int32(bitext_xml_text), Int32(bitext_xml_cdata), Int32(bitext_xml_whitespace), Int32(bitext_xml_significant_whitespace):
                return .text(string(bitext_xml_value(reader)))
            case Int32(bitext_xml_entity_reference):
                let name = string(bitext_xml_name(reader))
                throw XMLError(reason: "the entity &\(name); is declared in the file's DTD; bitext expands no entities but XML's own "
                               + "(&amp; &lt; &gt; &quot; &apos;) and character references (&#20013;)",
                               line: Int(bitext_xml_node_line(reader)), column: 1)
            default:
                continue  // comments, processing instructions, the document type declaration
            }
        }
        return nil
    }

    private func string(_ p: UnsafePointer<CChar>?) -> String {
        p.map { String(cString: $0) } ?? ""
    }

    /// The error libxml2 reported, in words.
    private func error() -> XMLError {
        let message = bitext_xml_error_message(reader).map { String(cString: $0) } ?? "malformed XML"
        let line = max(1, Int(bitext_xml_error_line(reader))), column = max(1, Int(bitext_xml_error_column(reader)))
        if bitext_xml_refused_external(reader) == 1 {
            return XMLError(reason: "the file asks for an external entity or DTD (\(message)); bitext fetches nothing from outside the file",
                            line: line, column: column)
        }
        switch bitext_xml_error_code(reader) {
        case 1: return XMLError(reason: "nesting deeper than 256 levels (\(message))", line: line, column: column)  // XML_ERR_INTERNAL_ERROR: excessive depth
        case 26, 27: return XMLError(reason: "\(message): write & as &amp; — bitext expands no entities but XML's own", line: line, column: column)
        default: return XMLError(reason: "malformed XML (\(message))", line: line, column: column)
        }
    }
}
