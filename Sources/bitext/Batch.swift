import ArgumentParser
import BitextCore
import BitextFormats
import Foundation
import Synchronization

extension Bitext {
    /// `bitext batch`: every document pair of a corpus aligned, in parallel, in shards, resumably.
    struct Batch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Align every document pair of a corpus (a folder or a manifest), in parallel and in shards.",
            discussion: """
                CORPUS is a folder of ID.zh and ID.en files (or ID.zh.txt and ID.en.txt), or a manifest of \
                zh_path<TAB>en_path[<TAB>id] lines. Each document's alignment is written to OUTDIR/ID.FORMAT \
                (beads: ID.align), with --glossary its glossary to OUTDIR/ID.glossary.csv, and with --merge-tmx \
                all of them to one TMX too; a document whose outputs are newer than its inputs is skipped unless --force. \
                --shard I/N takes the documents whose id hashes to shard I of N, so job arrays split a corpus \
                without coordination. A document that cannot be aligned is reported and the others go on; the \
                exit status is then 1. OUTDIR/report.jsonl (report-I-of-N.jsonl for a shard) has a line per document.

                Example:
                  bitext batch corpus/ -o aligned/ --presegmented --format tmx
                  bitext batch corpus/ -o aligned/ --glossary --merge-tmx corpus.tmx
                  bitext batch corpus.tsv -o aligned/ \\
                    --shard $((SLURM_ARRAY_TASK_ID+1))/$SLURM_ARRAY_TASK_COUNT
                """
        )

        /// Output formats of each document.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case tsv, jsonl, tmx, beads

            var fileExtension: String { self == .beads ? "align" : rawValue }
        }

        @Argument(help: ArgumentHelp("A folder of ID.zh/ID.en files, or a manifest of zh_path<TAB>en_path[<TAB>id] lines.", valueName: "CORPUS"))
        var corpus: String

        @Option(name: .shortAndLong, help: ArgumentHelp("The folder the alignments and the report go to (created if need be).", valueName: "OUTDIR"))
        var output: String

        @Option(help: "Output format of each document.")
        var format: Format = .tsv

        @Flag(help: "The files hold one sentence per line already.")
        var presegmented = false

        @Option(help: ArgumentHelp("Align only shard I of N (1-based), chosen by a stable hash of each document's id.", valueName: "I/N"))
        var shard: String?

        @Option(help: ArgumentHelp("Documents aligned at once (default: one per core).", valueName: "J"))
        var jobs: Int?

        @Flag(help: "Also build each document's glossary, written to OUTDIR/ID.glossary.csv as bitext glossary writes it.")
        var glossary = false

        @Option(name: .customLong("merge-tmx"),
                help: ArgumentHelp("Also write one TMX of all documents (of this shard), each unit with its document id (prop x-document).",
                                   valueName: "FILE"))
        var mergeTMX: String?

        @Flag(help: "Align documents whose output is already newer than their inputs too.")
        var force = false

        @Flag(help: "Do not print the one-line summary on standard error.")
        var quiet = false

        @OptionGroup var input: InputOptions

        @OptionGroup var dictionary: DictionaryOptions

        @OptionGroup var languages: LanguageTagOptions

        func validate() throws {
            if let shard, Shard(shard) == nil { throw ValidationError("--shard is I/N with 1 ≤ I ≤ N, such as 3/8 (not \(shard))") }
            if let jobs, jobs < 1 { throw ValidationError("--jobs is a number of documents at once, 1 or more (not \(jobs))") }
            if mergeTMX != nil && format == .beads {
                throw ValidationError("--merge-tmx reads the documents' alignments back, and beads hold no text: use --format tsv, jsonl or tmx")
            }
        }

        func run() throws {
            try reportingErrors {
                let clock = Date()
                let part = shard.flatMap(Shard.init)
                let documents = try Corpus.documents(at: corpus).filter { part?.contains($0.id) ?? true }
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
                let reportName = part.map { "report-\($0.index)-of-\($0.count).jsonl" } ?? "report.jsonl"
                let report = try OutputFile(path: (output as NSString).appendingPathComponent(reportName),
                                            inputs: documents.flatMap { [$0.zh, $0.en] })
                let results = BatchResults(count: documents.count, dictionary: try dictionary.load(),
                                           progress: Progress(steps: [.documents], files: documents.flatMap { [$0.zh, $0.en] }, quiet: quiet))
                let workers = min(jobs ?? Workers.cores, max(1, documents.count))
                // The cores are shared out: documents at once, and threads within each document's alignment.
                let perDocument = max(1, Workers.cores / workers)
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    for k in stride(from: w, to: documents.count, by: workers) {
                        results.set(k, align(documents[k], dictionary: results.dictionary, workers: perDocument))
                    }
                }
                let lines = results.all
                for line in lines { try report.write(JSONLines.line(line.object)) }
                try report.commit()
                results.finish()
                if let mergeTMX { try merge(lines.filter { $0.status != "failed" }.map(\.document), into: mergeTMX) }
                let counts = Dictionary(grouping: lines, by: \.status).mapValues(\.count)
                if !quiet {
                    StandardError.print(String(format: "bitext: %d documents: %d aligned, %d up to date, %d failed — see %@%@, %.2f s",
                                               documents.count, counts["aligned"] ?? 0, counts["skipped"] ?? 0, counts["failed"] ?? 0,
                                               (output as NSString).appendingPathComponent(reportName),
                                               mergeTMX.map { "; all in \($0)" } ?? "", Date().timeIntervalSince(clock)))
                }
                if (counts["failed"] ?? 0) > 0 { throw ExitCode.failure }
            }
        }

        /// Where a document's alignment and glossary go.
        func outputs(of document: CorpusDocument) -> (alignment: String, glossary: String) {
            let base = (output as NSString).appendingPathComponent(document.id)
            return ("\(base).\(format.fileExtension)", "\(base).glossary.csv")
        }

        /// Aligns one document into OUTDIR (unless its outputs are up to date) on up to `workers`
        /// threads and says how it went.
        func align(_ document: CorpusDocument, dictionary: BilingualDictionary, workers: Int) -> BatchLine {
            let start = Date()
            var line = BatchLine(document: document)
            let paths = outputs(of: document)
            do {
                if let problem = document.problem { throw BatchProblem(message: problem) }
                let inputs = [document.zh, document.en]
                if !force && Self.isUpToDate(paths.alignment, inputs: inputs) && (!glossary || Self.isUpToDate(paths.glossary, inputs: inputs)) {
                    line.status = "skipped"
                    return line
                }
                let (zh, en) = try ParallelTextOptions.read(zh: document.zh, en: document.en, presegmented: presegmented, input: input)
                let alignment = try Aligner(dictionary: dictionary, workers: workers).align(zh: zh, en: en)
                let out = try OutputFile(path: paths.alignment, inputs: inputs)
                var settings = try languages.settings(chinese: format == .tmx ? zh : [])
                settings.title = "bitext alignment — \(document.id)"
                try settings.alignmentFormat(FormatKind(rawValue: format.rawValue)!, path: paths.alignment)
                    .write(alignment.units(source: document.zh, enSource: document.en), to: out)
                if glossary {
                    // Committed together: a glossary never stands beside an alignment it was not built from.
                    let terms = GlossaryCuration().apply(try GlossaryBuilder(dictionary: dictionary).build(alignment, source: document.zh))
                    let glossaryOut = try OutputFile(path: paths.glossary, inputs: inputs)
                    settings.title = "bitext glossary — \(document.id)"
                    try settings.glossaryFormat(.csv, path: paths.glossary).write(terms.entries, to: glossaryOut)
                    try glossaryOut.commit()
                    line.terms = terms.entries.count
                }
                try out.commit()
                line.status = "aligned"
                line.sentences = (zh.count, en.count)
                line.summary = AlignmentSummary(alignment)
            } catch {
                line.status = "failed"
                line.error = "\(error)"
            }
            line.seconds = Date().timeIntervalSince(start)
            return line
        }

        /// One TMX at `path` of the `documents`' alignments as written in OUTDIR (aligned now or up
        /// to date), in corpus order, each unit with its document id; read back one document at a time.
        func merge(_ documents: [CorpusDocument], into path: String) throws {
            let out = try OutputFile(path: path, inputs: documents.map { outputs(of: $0).alignment })
            var settings = try languages.settings(chinese: [])
            settings.title = "bitext alignment — \(corpus)"
            let tmx = try settings.alignmentFormat(.tmx, path: path)
            try tmx.begin(out)
            var number = 0
            for document in documents {
                let source = outputs(of: document).alignment
                try settings.alignmentFormat(FormatKind(rawValue: format.rawValue)!, path: source).forEach(path: source) { (unit) throws(BitextError) in
                    var unit = unit
                    unit.document = document.id
                    number += 1
                    try tmx.write(unit, number: number, to: out)
                }
            }
            try tmx.end(out)
            try out.commit()
        }

        /// Whether `path` exists and was modified after every one of `inputs`.
        static func isUpToDate(_ path: String, inputs: [String]) -> Bool {
            func modified(_ p: String) -> Date? { (try? FileManager.default.attributesOfItem(atPath: p))?[.modificationDate] as? Date }
            guard let written = modified(path) else { return false }
            return inputs.allSatisfy { input in modified(input).map { $0 < written } ?? false }
        }
    }
}

/// A document that cannot be aligned before anything is read (a side without its file).
struct BatchProblem: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// One line of the batch report.
struct BatchLine {
    let document: CorpusDocument
    var status = "failed"
    var sentences: (zh: Int, en: Int)?
    var summary: AlignmentSummary?
    /// Entries of the document's glossary (`--glossary`).
    var terms: Int?
    var seconds = 0.0
    var error: String?

    init(document: CorpusDocument) { self.document = document }

    /// The line as a JSON object.
    var object: [String: Any] {
        var object: [String: Any] = ["id": document.id, "zh": document.zh, "en": document.en, "status": status,
                                     "seconds": (seconds * 1000).rounded() / 1000]
        if let sentences { object["zh_sentences"] = sentences.zh; object["en_sentences"] = sentences.en }
        if let summary {
            object["beads"] = Dictionary(uniqueKeysWithValues: summary.shapes.map { ($0.shape, $0.count) })
            object["unmatched_zh"] = summary.unmatchedZh
            object["unmatched_en"] = summary.unmatchedEn
            object["flagged"] = summary.flagged
            object["mean_confidence"] = (summary.meanConfidence * 1000).rounded() / 1000
        }
        if let terms { object["glossary_entries"] = terms }
        if let error { object["error"] = error }
        return object
    }
}

/// What the workers share: the dictionary (one load for every document), and the report lines and
/// the progress bar, each worker filling its own slots under a lock.
final class BatchResults: Sendable {
    let dictionary: BilingualDictionary
    private let state: Mutex<(lines: [BatchLine?], done: Int, progress: Progress)>

    /// Results of `count` documents, whose `progress` starts now.
    init(count: Int, dictionary: BilingualDictionary, progress: sending Progress) {
        self.dictionary = dictionary
        progress.report(.documents)
        state = Mutex((Array(repeating: nil, count: count), 0, progress))
    }

    /// Records document `k`'s line and shows the share of documents done.
    func set(_ k: Int, _ line: BatchLine) {
        state.withLock { state in
            state.lines[k] = line
            state.done += 1
            state.progress.report(.documents, Double(state.done) / Double(state.lines.count))
        }
    }

    /// Every line, in document order (after the workers are done).
    var all: [BatchLine] { state.withLock { $0.lines.compactMap { $0 } } }

    /// Ends the progress bar.
    func finish() { state.withLock { $0.progress.finish() } }
}
