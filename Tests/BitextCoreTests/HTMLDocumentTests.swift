import BitextCore
import ICUKit
@testable import BitextFormats
import XCTest

/// Web pages as translators receive them: block elements as paragraphs, hidden parts left out,
/// the charset from the BOM or the meta tag.
final class HTMLDocumentTests: XCTestCase {
    static let page = """
        <!DOCTYPE html>
        <html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
        <title>标题不算正文</title><style>p { color: red }</style>
        <script>document.write("<p>脚本</p>")</script></head>
        <body>
        <h1>后伊斯兰国时代</h1>
        <p>“伊斯兰国”虽然失去了领土，
           但其意识形态仍在传播。</p>
        <div>各国应当<b>加强</b>合作。<br>恐怖主义&nbsp;威胁依然存在。<p>内段</p>尾</div>
        <ul><li>第一条<li>第二条 &amp; 第三条</ul>
        <noscript>请启用脚本</noscript><template><p>模板</p></template>
        </body></html>
        """

    func testBlocksBecomeParagraphsWithTheirLinesAndHiddenPartsAreLeftOut() throws {
        let paragraphs = try HTMLDocument.paragraphs(html: Array(Self.page.utf8))
        XCTAssertEqual(paragraphs.map(\.text), ["后伊斯兰国时代", "“伊斯兰国”虽然失去了领土，但其意识形态仍在传播。", "各国应当加强合作。",
                                                "恐怖主义 威胁依然存在。", "内段", "尾", "第一条", "第二条 & 第三条"])
        XCTAssertEqual(paragraphs.map(\.line), [6, 7, 9, 9, 9, 9, 10, 10])
        let wrapped = paragraphs[1]
        XCTAssertEqual(wrapped.continuations.count, 1, "the second source line of the paragraph")
        XCTAssertEqual(wrapped.line(atOffset: wrapped.text.utf8.count - 1), 8)
        XCTAssertEqual(wrapped.line(atOffset: 0), 7)
    }

    func testEnglishLineBreaksReadAsSpacesAndPreformattedLinesAsParagraphs() throws {
        let html = "<html><body><p>The so-called\n  Islamic State</p><pre>line one\nline  two</pre><hr><td>cell</td></body></html>"
        let paragraphs = try HTMLDocument.paragraphs(html: Array(html.utf8))
        XCTAssertEqual(paragraphs.map(\.text), ["The so-called Islamic State", "line one", "line two", "cell"])
        XCTAssertEqual(paragraphs.map(\.line), [1, 2, 3, 3])
    }

    func testCharsetFromTheMetaTagTheBOMOrTheBytes() throws {
        let gb = try Converter.encode(Array(Self.page.utf16), charset: "GB18030")
        let fromMeta = try HTMLDocument.read(bytes: gb, source: "zh.html")
        XCTAssertEqual(fromMeta.encoding, "gb18030")
        XCTAssertEqual(fromMeta.paragraphs.first?.text, "后伊斯兰国时代")

        // The page was converted to UTF-8 but kept its old meta tag: read as UTF-8, and said so.
        let notes = ReadNotes()
        let stale = try HTMLDocument.read(bytes: Array(Self.page.utf8), source: "zh.html", notes: notes)
        XCTAssertEqual(stale.paragraphs.first?.text, "后伊斯兰国时代")
        XCTAssertEqual(notes.drain(), ["zh.html: note: the page declares charset gb2312 but its bytes are UTF-8; read as UTF-8"])

        _ = try HTMLDocument.read(bytes: Array("<meta charset=klingon><p>伊斯兰国</p>".utf8), source: "k.html", notes: notes)
        XCTAssertEqual(notes.drain(), ["k.html: note: the page declares charset klingon, which is not a known encoding; read as UTF-8, detected"])

        let utf16: [UInt8] = [0xFF, 0xFE] + Array("<p>伊斯兰国</p>".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        XCTAssertEqual(try HTMLDocument.read(bytes: utf16, source: "a.htm").paragraphs.map(\.text), ["伊斯兰国"])
        XCTAssertEqual(HTMLDocument.declaredCharset(Array(#"<meta charset="big5">"#.utf8))?.charset, "big5")
        XCTAssertEqual(HTMLDocument.declaredCharset(Array("<meta name=x><meta charset=ISO-8859-1>".utf8))?.charset, "windows-1252")
        XCTAssertNil(HTMLDocument.declaredCharset(Array("<p>charset=gbk</p>".utf8)), "only a meta tag declares")
    }

    func testPagesAreKnownByNameOrByTheirStart() {
        XCTAssertTrue(HTMLDocument.isHTML([], source: "news.HTM"))
        XCTAssertTrue(HTMLDocument.isHTML(Array("\u{FEFF}\n  <!doctype HTML><p>x".utf8), source: "-"))
        XCTAssertTrue(HTMLDocument.isHTML(Array("<html lang=zh>".utf8), source: "page"))
        XCTAssertFalse(HTMLDocument.isHTML(Array("<p> is a tag".utf8), source: "notes.txt"))
    }

    func testAnUndecodablePageIsAnErrorNamingTheByte() {
        let bytes = Array("<meta charset=utf-8><p>abc".utf8) + [0xFF, 0x41]
        XCTAssertThrowsError(try HTMLDocument.read(bytes: bytes, source: "bad.html")) { error in
            XCTAssertEqual("\(error)".contains("bad.html"), true, "\(error)")
            XCTAssertEqual("\(error)".contains("26"), true, "the byte offset: \(error)")
        }
    }

    func testAPageTooDeepToReadWholeIsAnErrorNotAShortDocument() {
        let html = "<p>前文</p>\n" + String(repeating: "<div>", count: 300) + "深处"
        XCTAssertThrowsError(try HTMLDocument.read(bytes: Array(html.utf8), source: "deep.html")) { error in
            XCTAssertTrue("\(error)".hasPrefix("deep.html: error: cannot read the file (2:"), "\(error)")
            XCTAssertTrue("\(error)".contains("nesting deeper than 256 levels"), "\(error)")
        }
    }
}
