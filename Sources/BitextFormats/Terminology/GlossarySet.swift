import BitextCore
/// Several glossaries read as one list: in every format bitext reads (CSV, TSV, TBX, OmegaT,
/// JSON Lines), earlier files first. When two give the same Chinese term (by match key) different
/// English, the earlier file's entry is used and the conflict is reported.
public struct GlossarySet: Sendable {
    /// A term two glossaries render differently.
    public struct Conflict: Sendable, Equatable, CustomStringConvertible {
        /// The Chinese term.
        public let zh: String
        /// The file whose entry is used, and its English.
        public let kept: (file: String, en: String)
        /// The later file whose entry is not used, and its English.
        public let ignored: (file: String, en: String)

        public static func == (a: Conflict, b: Conflict) -> Bool {
            a.zh == b.zh && a.kept == b.kept && a.ignored == b.ignored
        }

        /// "伊斯兰国: g1.csv says Islamic State, g2.tbx says Daesh — using g1.csv's (the earlier glossary)".
        public var description: String {
            "\(zh): \(kept.file) says \(kept.en), \(ignored.file) says \(ignored.en) — using \(kept.file)'s (the earlier glossary)"
        }
    }

    /// The entries, earlier files' first, one per Chinese term.
    public let entries: [TermEntry]
    /// The terms later files render otherwise.
    public let conflicts: [Conflict]

    /// The glossaries at `paths`, read in order with `settings` (strictness, and where notes go).
    public init(paths: [String], settings: FormatSettings = FormatSettings(languages: .standard)) throws(BitextError) {
        let keys: MatchKey
        do { keys = try MatchKey() } catch { throw .icu(path: paths.first ?? "", message: error.description) }
        var entries: [TermEntry] = [], conflicts: [Conflict] = []
        var byKey: [String: (index: Int, file: String)] = [:]
        for path in paths {
            let kind = FormatKind.detect(path: path, head: try FormatKind.head(path: path)) ?? .csv
            let format = try settings.glossaryFormat(kind, path: path)
            for entry in try format.read(path: path) where !entry.zh.isEmpty {
                let key = keys.key(entry.zh)
                if let earlier = byKey[key] {
                    let kept = entries[earlier.index]
                    if kept.en.lowercased() != entry.en.lowercased() && !kept.variants.contains(entry.en) && earlier.file != path {
                        conflicts.append(Conflict(zh: kept.zh, kept: (earlier.file, kept.en), ignored: (path, entry.en)))
                    }
                    continue
                }
                byKey[key] = (entries.count, path)
                entries.append(entry)
            }
        }
        self.entries = entries
        self.conflicts = conflicts
    }
}
