import BitextCore
import Foundation

/// One document of a corpus: its id and its Chinese and English files.
public struct CorpusDocument: Sendable, Equatable {
    /// The id, unique in the corpus (names the outputs).
    public let id: String
    public let zh: String
    public let en: String
    /// What is wrong with the pair before anything is read (a side without its file); nil when
    /// both files are named.
    public let problem: String?

    public init(id: String, zh: String, en: String, problem: String? = nil) {
        self.id = id
        self.zh = zh
        self.en = en
        self.problem = problem
    }
}

/// The documents of a corpus, from a folder of `ID.zh`/`ID.en` files (or `ID.zh.txt`/`ID.en.txt`,
/// `.docx`, `.odt`, `.html`, `.htm`, `.xhtml`)
/// or from a manifest of `zh_path<TAB>en_path[<TAB>id]` lines, sorted by id.
public enum Corpus {
    /// The file name endings that mark each side, longest first.
    static let endings: [(zh: String, en: String)] = [(".zh.txt", ".en.txt"), (".zh.docx", ".en.docx"), (".zh.odt", ".en.odt"),
                                                        (".zh.html", ".en.html"), (".zh.htm", ".en.htm"), (".zh.xhtml", ".en.xhtml"), (".zh", ".en")]

    /// The documents at `path`: a folder's pairs, or a manifest's lines (relative paths are read
    /// from the manifest's folder).
    public static func documents(at path: String) throws(BitextError) -> [CorpusDocument] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw .fileNotFound(path: path) }
        let documents = isFolder.boolValue ? try folder(path) : try manifest(path)
        if documents.isEmpty {
            throw .unreadable(path: path, reason: isFolder.boolValue ? "no ID.zh and ID.en files (or ID.zh.txt and ID.en.txt)" : "no documents listed")
        }
        return documents
    }

    private static func folder(_ path: String) throws(BitextError) -> [CorpusDocument] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            throw .unreadable(path: path, reason: "cannot list the folder")
        }
        var sides: [String: (zh: String?, en: String?)] = [:]
        for name in names {
            for ending in endings {
                if name.hasSuffix(ending.zh) {
                    sides[String(name.dropLast(ending.zh.count)), default: (nil, nil)].zh = name
                    break
                }
                if name.hasSuffix(ending.en) {
                    sides[String(name.dropLast(ending.en.count)), default: (nil, nil)].en = name
                    break
                }
            }
        }
        let base = (path as NSString)
        return sides.keys.sorted().map { id in
            let (zh, en) = sides[id]!
            let problem = zh == nil ? "no Chinese file (\(id).zh) beside \(en!)" : en == nil ? "no English file (\(id).en) beside \(zh!)" : nil
            return CorpusDocument(id: id, zh: zh.map { base.appendingPathComponent($0) } ?? "", en: en.map { base.appendingPathComponent($0) } ?? "",
                                  problem: problem)
        }
    }

    private static func manifest(_ path: String) throws(BitextError) -> [CorpusDocument] {
        let text = try TextDecoder().decode(try DocumentReader.bytes(at: path), source: path).text
        let folder = (path as NSString).deletingLastPathComponent
        func resolve(_ file: Substring) -> String {
            let file = String(file)
            return file.hasPrefix("/") || folder.isEmpty ? file : (folder as NSString).appendingPathComponent(file)
        }
        var documents: [CorpusDocument] = []
        var seen = Set<String>()
        for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard (2...3).contains(fields.count), !fields[0].isEmpty, !fields[1].isEmpty else {
                throw .badLine(path: path, line: k + 1, reason: "expected zh_path<TAB>en_path, optionally <TAB>id")
            }
            let id = fields.count == 3 && !fields[2].isEmpty ? fields[2] : Self.id(of: fields[0])
            guard seen.insert(id).inserted else { throw .badLine(path: path, line: k + 1, reason: "the id '\(id)' is listed twice") }
            documents.append(CorpusDocument(id: id, zh: resolve(fields[0][...]), en: resolve(fields[1][...])))
        }
        return documents.sorted { $0.id < $1.id }
    }

    /// The id a file name gives: its name without the folder and without a side's ending.
    static func id(of path: String) -> String {
        let name = (path as NSString).lastPathComponent
        for ending in endings where name.hasSuffix(ending.zh) { return String(name.dropLast(ending.zh.count)) }
        return (name as NSString).deletingPathExtension
    }
}

/// A deterministic share of a corpus, `index` of `count` (1-based, as `--shard 3/8`): each
/// document belongs to exactly one shard, by a stable hash of its id, so job arrays (Slurm,
/// Kubernetes Indexed Jobs, GNU parallel) split a corpus with no coordination and the union of
/// all shards is the whole corpus.
public struct Shard: Sendable, Equatable {
    public let index: Int
    public let count: Int

    /// Shard `index` of `count`; nil unless 1 ≤ index ≤ count.
    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// The shard written `I/N`; nil when it is not one.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else { return nil }
        self.init(index: i, count: n)
    }

    /// Whether the document `id` belongs to this shard (FNV-1a of its UTF-8 bytes, modulo the count:
    /// the same on every machine and run).
    public func contains(_ id: String) -> Bool {
        let hash = id.utf8.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        return Int(hash % UInt64(count)) == index - 1
    }
}
