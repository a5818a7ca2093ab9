import ArgumentParser
import BitextCore
import BitextFormats
import Foundation

extension Bitext {
    /// `bitext eval`: align gold sets and score them.
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Align every ID.zh/ID.en pair in gold directories and score against ID.align.",
            discussion: """
                Scores are those of score_align.py: strict and lax precision/recall/F1 (Vecalign and \
                Bertalign's definitions) and exact-bead F1, micro-averaged per directory and overall.

                Example:
                  bitext eval ../shared/data/align/mac-dev ../shared/data/align/nejm-dev
                """
        )

        @Argument(help: "Directories holding ID.zh, ID.en (one sentence per line) and ID.align.")
        var directories: [String]

        @OptionGroup var dictionary: DictionaryOptions

        @Option(help: "Also write each predicted alignment to DIR/ID.align.")
        var save: String?

        func run() throws {
            try reportingErrors {
                let clock = Date()
                let aligner = Aligner(dictionary: try dictionary.load())
                let loaded = Date().timeIntervalSince(clock)
                var all: [(gold: [IndexedBead], test: [IndexedBead])] = []
                var confidences: [(confidence: Double, exact: Bool)] = []
                for directory in directories {
                    var judged: [(confidence: Double, exact: Bool)] = []
                    let ids = try Self.documentIDs(in: directory)
                    print("\(directory)")
                    print("  id          zh     en   strict F1  lax F1  exact F1  seconds")
                    var documents: [(gold: [IndexedBead], test: [IndexedBead])] = []
                    for id in ids {
                        let start = Date()
                        let base = (directory as NSString).appendingPathComponent(id)
                        let reader = DocumentReader()
                        let zh = try reader.readSentencePerLine(path: base + ".zh", language: .zh)
                        let en = try reader.readSentencePerLine(path: base + ".en", language: .en)
                        let goldText = try String(decoding: DocumentReader.bytes(at: base + ".align"), as: UTF8.self)
                        let gold = try BeadNotation.parseIndexed(goldText, source: base + ".align")
                        let alignment = try aligner.align(zh: zh, en: en)
                        let seconds = Date().timeIntervalSince(start)
                        let test = alignment.beads.map(IndexedBead.init)
                        documents.append((gold, test))
                        let goldKeys = Set(gold.map(BeadNotation.line))
                        for b in alignment.beads where !b.zh.isEmpty && !b.en.isEmpty {
                            judged.append((b.confidence, goldKeys.contains(BeadNotation.line(b))))
                        }
                        if let save {
                            try FileManager.default.createDirectory(atPath: save, withIntermediateDirectories: true)
                            let out = try OutputFile(path: (save as NSString).appendingPathComponent(id + ".align"),
                                                     inputs: [base + ".zh", base + ".en", base + ".align"])
                            for b in alignment.beads { try out.write(BeadNotation.line(b) + "\n") }
                            try out.commit()
                        }
                        let s = AlignmentScore(documents: [(gold, test)])
                        print(String(format: "  %-10@ %5d  %5d   %.3f      %.3f   %.3f     %.2f", id as NSString, zh.count, en.count,
                                     s.strictF1, s.laxF1, s.exactF1, seconds))
                    }
                    Self.printTotals("  all", AlignmentScore(documents: documents))
                    Self.printCalibration(ConfidenceCalibration(judged))
                    all += documents
                    confidences += judged
                }
                if directories.count > 1 { Self.printTotals("total", AlignmentScore(documents: all)) }
                let correct = confidences.filter(\.1).map(\.0), wrong = confidences.filter { !$0.1 }.map(\.0)
                func mean(_ v: [Double]) -> Double { v.isEmpty ? 0 : v.reduce(0, +) / Double(v.count) }
                func precision(above t: Double) -> String {
                    let kept = confidences.filter { $0.0 > t }
                    return String(format: "%.3f of %d", Double(kept.filter(\.1).count) / Double(max(1, kept.count)), kept.count)
                }
                print(String(format: "confidence: mean %.3f on exact beads, %.3f on others; precision above 0.5: %@, above 0.9: %@",
                             mean(correct), mean(wrong), precision(above: 0.5), precision(above: 0.9)))
                print(String(format: "time: %.2f s (dictionary %.2f s)", Date().timeIntervalSince(clock), loaded))
            }
        }

        static func printTotals(_ label: String, _ s: AlignmentScore) {
            print(String(format: "%@ strict P %.3f R %.3f F1 %.3f | lax P %.3f R %.3f F1 %.3f | exact-bead F1 %.3f",
                         label, s.strictPrecision, s.strictRecall, s.strictF1, s.laxPrecision, s.laxRecall, s.laxF1, s.exactF1))
        }

        /// How well the confidences of a directory's beads (those with both sides) find its errors.
        static func printCalibration(_ c: ConfidenceCalibration) {
            let auc = c.auc.map { String(format: "%.3f", $0) } ?? "–"
            print(String(format: "  confidence: AUC %@ (exact vs other beads), Brier %.3f; %d below 0.5, %.0f %% of them wrong, holding %.0f %% of the wrong beads",
                         auc, c.brier, c.flagged, 100 * c.wrongShareOfFlagged, 100 * c.flaggedShareOfWrong))
            print("  confidence  beads   mean  exact")
            for bin in c.bins where bin.count > 0 {
                print(String(format: "  %.1f–%.1f    %5d   %.2f   %.2f", bin.lower, bin.upper, bin.count, bin.meanConfidence, bin.exactShare))
            }
        }

        /// The IDs that have .zh, .en and .align files in `directory`.
        static func documentIDs(in directory: String) throws(BitextError) -> [String] {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
                throw .fileNotFound(path: directory)
            }
            let set = Set(names)
            let ids = names.filter { $0.hasSuffix(".align") }.map { String($0.dropLast(6)) }
                .filter { set.contains($0 + ".zh") && set.contains($0 + ".en") }.sorted()
            if ids.isEmpty { throw .unreadable(path: directory, reason: "no ID.zh, ID.en and ID.align files") }
            return ids
        }
    }
}
