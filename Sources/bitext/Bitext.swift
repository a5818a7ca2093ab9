import ArgumentParser
import BitextCore
import BitextFormats
import Dispatch
import Foundation
import ICUKit

/// The `bitext` command: configuration only; the work is in the subcommands.
@main
struct Bitext: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bitext",
        abstract: "Align Chinese–English parallel texts and build bilingual glossaries.",
        discussion: """
            Example:
              bitext align Samples/chinamil-post-isis-era.bilingual-excerpt.txt
              bitext glossary Samples/chinamil-post-isis-era.bilingual-excerpt.txt
            """,
        version: BitextVersion.current,
        subcommands: [Align.self, Batch.self, Glossary.self, WordAlign.self, Lookup.self, Check.self, Convert.self, Split.self, Segment.self, Eval.self, Bench.self]
    )

    /// Runs the command with SIGINT and SIGTERM removing unfinished output files first.
    static func main() {
        InterruptCleanup.install()
        main(nil)
    }
}

/// On SIGINT or SIGTERM: remove the temporary files of outputs not yet committed, then exit with
/// 128 + the signal's number (130, 143), as a shell reports a killed command.
enum InterruptCleanup {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install() {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                OutputFile.removeTemporaryFiles()
                _exit(128 + sig)
            }
            source.resume()
            sources.append(source)
        }
    }
}

/// Options every command that reads text files shares.
struct InputOptions: ParsableArguments {
    @Option(help: "Read input in this encoding (e.g. GB18030, Big5, UTF-16LE) instead of detecting it.")
    var encoding: String?

    @Flag(help: "Replace invalid byte sequences with U+FFFD instead of stopping with an error.")
    var lenient = false

    /// Reads `path` ("-" is standard input) into a document.
    func read(_ path: String) throws(BitextError) -> Document {
        let (bytes, source) = try Self.bytes(of: path)
        return try document(bytes, source: source)
    }

    /// The bytes of `path` ("-" is standard input) and the name errors give them.
    static func bytes(of path: String) throws(BitextError) -> (bytes: [UInt8], source: String) {
        path == "-" ? (StandardInput.readAll(), "<stdin>") : (try DocumentReader.bytes(at: path), path)
    }

    /// The document in `bytes`: a .docx or .odt document's paragraphs, a web page's, or text in
    /// `encoding` (this option's when nil) or in the encoding detected.
    func document(_ bytes: [UInt8], source: String, encoding: String? = nil) throws(BitextError) -> Document {
        if OfficeDocument.isArchive(bytes) { return try OfficeDocument.read(bytes: bytes, source: source) }
        if HTMLDocument.isHTML(bytes, source: source) {
            return try HTMLDocument.read(bytes: bytes, source: source, encoding: encoding ?? self.encoding, lenient: lenient, notes: Notes.shared)
        }
        return try DocumentReader(encoding: encoding ?? self.encoding, lenient: lenient).read(bytes: bytes, source: source)
    }
}

/// What the readers of this run left out of files, shown on stderr.
enum Notes {
    static let shared = ReadNotes()

    static func show() {
        for note in shared.drain() { StandardError.print("bitext: \(note)") }
    }
}

/// Runs a command body, turning bitext's errors into a message on stderr and exit status 1; the
/// readers' notes go to stderr first.
func reportingErrors(_ body: () throws -> Void) throws {
    defer { Notes.show() }
    do {
        try body()
    } catch let error as BitextError {
        StandardError.print("bitext: \(error)")
        throw ExitCode(1)
    } catch let error as ICUError {
        StandardError.print("bitext: error: \(error)")
        throw ExitCode(1)
    }
}
