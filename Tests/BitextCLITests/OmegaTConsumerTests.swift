import Foundation
import TestSupport
import XCTest

/// OmegaT (Debian `omegat`, 3.6) as a real consumer: its console mode translates a document from
/// our TMX in `tm/auto/`, and its own glossary readers read our TBX and OmegaT glossary.
final class OmegaTConsumerTests: XCTestCase {
    private let excerpt = CLI.sample("chinamil-post-isis-era.bilingual-excerpt.txt")
    private let jar = "/usr/share/omegat/OmegaT.jar"

    private func tools() throws -> (java: String, javac: String) {
        guard FileManager.default.fileExists(atPath: jar), let java = Tool.find("java"), let javac = Tool.find("javac") else {
            throw XCTSkip("OmegaT and a JDK are not installed (Debian: omegat, default-jdk-headless); .ci/run installs them")
        }
        return (java, javac)
    }

    /// An OmegaT project for Chinese → English whose source document holds `paragraphs`.
    private func project(in dir: URL, paragraphs: [String]) throws -> URL {
        let project = dir.appendingPathComponent("project")
        for sub in ["source", "target", "tm/auto", "glossary", "dictionary", "omegat"] {
            try FileManager.default.createDirectory(at: project.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        try """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <omegat><project version="1.0">
              <source_dir>__DEFAULT__</source_dir><target_dir>__DEFAULT__</target_dir><tm_dir>__DEFAULT__</tm_dir>
              <glossary_dir>__DEFAULT__</glossary_dir><glossary_file>__DEFAULT__</glossary_file><dictionary_dir>__DEFAULT__</dictionary_dir>
              <source_lang>zh-CN</source_lang><target_lang>en-US</target_lang>
              <source_tok>org.omegat.tokenizer.LuceneSmartChineseTokenizer</source_tok><target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
              <sentence_seg>false</sentence_seg><support_default_translations>true</support_default_translations><remove_tags>false</remove_tags>
            </project></omegat>
            """.write(to: project.appendingPathComponent("omegat.project"), atomically: false, encoding: .utf8)
        try paragraphs.joined(separator: "\n\n").appending("\n").write(to: project.appendingPathComponent("source/page.txt"), atomically: false, encoding: .utf8)
        return project
    }

    func testOmegaTTranslatesEveryOneToOneUnitFromOurTMX() throws {
        let (java, _) = try tools()
        let dir = try CLI.temporaryDirectory(for: self)
        let tsv = try CLI.run(["align", excerpt])
        let pairs = tsv.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
            .filter { !$0[0].isEmpty && !$0[1].isEmpty }
        XCTAssertEqual(pairs.count, 8)
        let project = try project(in: dir, paragraphs: pairs.map { $0[0] })
        let tmx = try CLI.run(["align", excerpt, "--format", "tmx", "-o", project.appendingPathComponent("tm/auto/bitext.tmx").path])
        XCTAssertEqual(tmx.status, 0, tmx.stderr)
        let run = try Tool.run(java, ["-jar", jar, project.path, "--mode=console-translate"])
        XCTAssertEqual(run.status, 0, run.output)
        let translated = try String(contentsOf: project.appendingPathComponent("target/page.txt"), encoding: .utf8)
        let paragraphs = translated.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        XCTAssertEqual(paragraphs, pairs.map { $0[1] }, "OmegaT filled every unit with its English from our TMX")
    }

    func testOmegaTsGlossaryReadersReadOurTBXAndOmegaTGlossary() throws {
        let (java, javac) = try tools()
        let dir = try CLI.temporaryDirectory(for: self)
        let project = try project(in: dir, paragraphs: ["伊斯兰国"])
        for (format, name) in [("tbx", "g.tbx"), ("omegat", "g.txt")] {
            let r = try CLI.run(["glossary", excerpt, "--format", format, "-o", name], in: dir)
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        let jsonl = try CLI.run(["glossary", excerpt, "--format", "jsonl"])
        let entries = try jsonl.stdout.split(separator: "\n").map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let ours = entries.map { "\($0["zh"]!)\t\($0["en"]!)" }
        let withVariants = entries.flatMap { e in (["\(e["en"]!)"] + (e["variants"] as? [String] ?? [])).map { "\(e["zh"]!)\t\($0)" } }
        try Self.reader.write(to: dir.appendingPathComponent("ReadGlossaries.java"), atomically: false, encoding: .utf8)
        let compiled = try Tool.run(javac, ["-cp", jar, "ReadGlossaries.java"], in: dir)
        XCTAssertEqual(compiled.status, 0, compiled.output)
        let read = try Tool.run(java, ["-cp", jar + ":.", "ReadGlossaries", project.path, "g.tbx", "g.txt"], in: dir)
        XCTAssertEqual(read.status, 0, read.output)
        let rows = read.output.split(separator: "\n").filter { $0.hasPrefix("g.") }
        let tbx = rows.filter { $0.hasPrefix("g.tbx\t") }.map { String($0.dropFirst(6)) }
        let omegat = rows.filter { $0.hasPrefix("g.txt\t") }.map { String($0.dropFirst(6)) }
        XCTAssertEqual(tbx, withVariants, "OmegaT's TBX reader: every entry, each variant a row of its own")
        XCTAssertEqual(omegat, ours, "OmegaT's glossary reader: every entry")
    }

    /// Prints what OmegaT's own readers read: `file<TAB>source<TAB>target` per entry.
    private static let reader = """
        import java.io.File;
        import java.util.List;
        import org.omegat.core.Core;
        import org.omegat.core.data.RealProject;
        import org.omegat.gui.glossary.GlossaryEntry;
        import org.omegat.gui.glossary.GlossaryReaderTBX;
        import org.omegat.gui.glossary.GlossaryReaderTSV;
        import org.omegat.util.ProjectFileStorage;

        public class ReadGlossaries {
            public static void main(String[] args) throws Exception {
                // OmegaT reads a TBX against the open project's languages: args[0] is the project folder.
                Core.setProject(new RealProject(ProjectFileStorage.loadProjectProperties(new File(args[0]))));
                for (String path : java.util.Arrays.copyOfRange(args, 1, args.length)) {
                    List<GlossaryEntry> entries = path.endsWith(".tbx")
                        ? GlossaryReaderTBX.read(new File(path), false) : GlossaryReaderTSV.read(new File(path), false);
                    for (GlossaryEntry e : entries) System.out.println(path + "\\t" + e.getSrcText() + "\\t" + e.getLocText());
                }
            }
        }
        """
}
