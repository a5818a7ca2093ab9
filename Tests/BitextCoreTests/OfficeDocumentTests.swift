import BitextCore
@testable import BitextFormats
import Foundation
import XCTest
import ZIPFoundation

/// .docx and .odt files as translators receive them, built here with the test's own zip writer.
final class OfficeDocumentTests: XCTestCase {
    /// A zip archive holding `parts` (path → UTF-8 text), deflated.
    static func archive(_ parts: [(String, String)]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        return [UInt8](try XCTUnwrap(archive.data))
    }

    static let docx = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
        <w:p><w:r><w:t>伊斯兰国失去了领土。</w:t></w:r><w:r><w:t xml:space="preserve"> 国际社会</w:t></w:r><w:r><w:t>必须保持警惕。</w:t></w:r></w:p>
        <w:p/>
        <w:p><w:r><w:t>第二段</w:t></w:r><w:del><w:r><w:delText>删除的</w:delText></w:r></w:del><w:ins><w:r><w:tab/><w:t>插入的文字。</w:t></w:r></w:ins></w:p>
        <w:p><w:r><w:t>A &amp; B</w:t></w:r></w:p>
        </w:body></w:document>
        """

    func testWordParagraphsInOrderWithoutNotesOrDeletedText() throws {
        let bytes = try Self.archive([("[Content_Types].xml", "<Types/>"), ("word/document.xml", Self.docx),
                                      ("word/footnotes.xml", "<w:footnotes xmlns:w=\"w\"><w:footnote><w:p><w:r><w:t>脚注</w:t></w:r></w:p></w:footnote></w:footnotes>"),
                                      ("word/header1.xml", "<w:hdr xmlns:w=\"w\"><w:p><w:r><w:t>页眉</w:t></w:r></w:p></w:hdr>")])
        XCTAssertTrue(OfficeDocument.isArchive(bytes))
        let document = try OfficeDocument.read(bytes: bytes, source: "a.docx")
        XCTAssertEqual(document.paragraphs.map(\.text), ["伊斯兰国失去了领土。 国际社会必须保持警惕。", "第二段 插入的文字。", "A & B"])
        XCTAssertEqual(document.paragraphs.map(\.line), [1, 3, 4], "positions among the paragraphs, the empty one counted")
        XCTAssertEqual(document.encoding, "docx")
    }

    func testOpenDocumentHeadingsParagraphsSpacesAndNoFootnotes() throws {
        let content = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>
            <text:h>The Post-ISIS Era</text:h>
            <text:p>Islamic State has lost<text:s text:c="2"/>its <text:span>territory</text:span>.<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>A footnote.</text:p></text:note-body></text:note> The world<text:line-break/>must stay vigilant.</text:p>
            </office:text></office:body></office:document-content>
            """
        let bytes = try Self.archive([("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", content)])
        let document = try OfficeDocument.read(bytes: bytes, source: "a.odt")
        XCTAssertEqual(document.paragraphs.map(\.text), ["The Post-ISIS Era", "Islamic State has lost  its territory. The world must stay vigilant."])
    }

    func testArchivesThatAreNoDocumentsAreRefusedByName() throws {
        let other = try Self.archive([("readme.txt", "hello")])
        XCTAssertThrowsError(try OfficeDocument.read(bytes: other, source: "x.docx")) {
            XCTAssertTrue("\($0)".contains("x.docx") && "\($0)".contains("not a .docx or .odt document"), "\($0)")
        }
        XCTAssertThrowsError(try OfficeDocument.read(bytes: Array("PK\u{3}\u{4}damaged".utf8), source: "y.docx")) {
            XCTAssertTrue("\($0)".contains("y.docx") && "\($0)".contains("damaged zip archive"), "\($0)")
        }
        let broken = try Self.archive([("word/document.xml", "<w:document xmlns:w=\"w\"><w:p><w:t>unclosed</w:p>")])
        XCTAssertThrowsError(try OfficeDocument.read(bytes: broken, source: "z.docx")) {
            XCTAssertTrue("\($0)".contains("z.docx (word/document.xml)"), "\($0)")
        }
        XCTAssertFalse(OfficeDocument.isArchive(Array("伊斯兰国".utf8)))
    }
}
