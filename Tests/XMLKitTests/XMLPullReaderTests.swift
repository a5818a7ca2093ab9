import XCTest
@testable import XMLKit

final class XMLPullReaderTests: XCTestCase {
    private func events(_ xml: String) throws -> [XMLEvent] {
        let reader = try XMLPullReader(bytes: Array(xml.utf8))
        var all: [XMLEvent] = []
        while let e = try reader.next() { all.append(e) }
        return all
    }

    private func error(_ xml: String) -> XMLError? {
        do { _ = try events(xml); return nil } catch { return error as? XMLError }
    }

    func testEventsInDocumentOrderWithAttributesAndLines() throws {
        let all = try events("<?xml version=\"1.0\"?>\n<tu tuid=\"7\">\n<seg>伊斯兰国 &amp; &#20013;<![CDATA[<b>]]></seg><br/>\n</tu>")
        guard case let .start(name, attributes, line, _, empty)? = all.first else { return XCTFail("\(all)") }
        XCTAssertEqual([name, attributes.first?.name, attributes.first?.value], ["tu", "tuid", "7"])
        XCTAssertEqual(line, 2)
        XCTAssertFalse(empty)
        let texts = all.compactMap { if case let .text(t) = $0 { t } else { nil } }.joined()
        XCTAssertEqual(texts, "\n伊斯兰国 & 中<b>\n")
        XCTAssertTrue(all.contains { if case let .start(name, _, line, _, empty) = $0 { name == "br" && line == 3 && empty } else { false } })
        XCTAssertEqual(all.last, .end(name: "tu"))
    }

    func testDeepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "<a>", count: 40_000) + String(repeating: "</a>", count: 40_000)
        let e = error(deep)
        XCTAssertNotNil(e)
        XCTAssertTrue(e?.reason.hasPrefix("nesting deeper than 256 levels") ?? false, "\(String(describing: e))")
    }

    func testEntitiesAreErrorsNamingThem() {
        XCTAssertTrue(error("<seg>a &nbsp; b</seg>")?.reason.contains("nbsp") ?? false)
        let declared = "<!DOCTYPE seg [<!ENTITY co \"Islamic State\">]><seg>the &co; fell</seg>"
        XCTAssertEqual(error(declared)?.reason.hasPrefix("the entity &co; is declared in the file's DTD"), true, "\(String(describing: error(declared)))")
        let external = "<!DOCTYPE seg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><seg>&x;</seg>"
        let e = error(external)
        XCTAssertNotNil(e, "an external entity is never read")
        XCTAssertFalse(e?.reason.contains("root:") ?? true)
        let laughs = "<!DOCTYPE l [<!ENTITY a \"haha\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]><l>&c;</l>"
        XCTAssertNotNil(error(laughs), "billion laughs: nothing is expanded")
    }

    func testMalformedXMLNamesLineAndColumn() {
        let e = error("<tmx>\n<body>\n<tu></tuv>\n</body></tmx>")
        XCTAssertEqual(e?.line, 3)
        XCTAssertTrue(e?.reason.hasPrefix("malformed XML (") ?? false, "\(String(describing: e))")
        XCTAssertNotNil(error(""))
    }

    func testADocumentOverTenMegabytesIsRead() throws {
        var xml = "<tmx><body>"
        let unit = "<tu><tuv xml:lang=\"zh\"><seg>" + String(repeating: "伊斯兰国", count: 50) + "</seg></tuv></tu>\n"
        xml += String(repeating: unit, count: 20_000) + "</body></tmx>"
        XCTAssertGreaterThan(xml.utf8.count, 10_000_000)
        let reader = try XMLPullReader(bytes: Array(xml.utf8))
        var units = 0
        while let e = try reader.next() { if case .start(name: "tu", _, _, _, _) = e { units += 1 } }
        XCTAssertEqual(units, 20_000)
    }
}
