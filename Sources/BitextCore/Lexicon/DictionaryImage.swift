import Foundation

/// The embedded dictionary as a binary image: its text, entry arrays, hash tables and what it
/// would otherwise compute on every run (gloss word counts, character meanings, ICU's toneless
/// syllables of the CJK characters), so a run reads one file instead of decompressing, parsing and
/// counting CC-CEDICT — in place: the file is mapped and its arrays are views into it (`FlatArray`),
/// so a run touches only the pages it looks up. The image lives in a cache folder and is keyed by
/// the compressed dictionary it was built from (`path(forGzip:in:)`): a different dictionary or
/// image format builds a new one. The first run builds and writes it (and works the same when the
/// folder cannot be written); a damaged or foreign image is rebuilt.
struct DictionaryImage {
    /// Bumped whenever the layout below or what it holds changes.
    static let formatVersion: UInt32 = 5
    static let magic: [UInt8] = Array("BITEXTDI".utf8)

    var text: FlatArray<UInt8>
    var glossStart: FlatArray<Int32>
    var glossEnd: FlatArray<Int32>
    var next: FlatArray<Int32>
    var headwordRanges: FlatArray<Int32>  // start, end, entry per headword
    var firstEntry: KeyTable
    var prefixes: KeyTable
    var glossWordCounts: KeyTable
    /// "character<TAB>word word…" lines.
    var characterGlosses: [UInt8]
    /// "character<TAB>toneless syllable" lines.
    var syllables: [UInt8]

    // MARK: Where images live

    /// The folder images are kept in, given the process environment and home folder:
    /// `$BITEXT_CACHE_DIR`, else `$XDG_CACHE_HOME/bitext`, else `HOME/.cache/bitext`.
    static func folder(environment: [String: String], home: String) -> String {
        if let dir = environment["BITEXT_CACHE_DIR"], !dir.isEmpty { return dir }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/bitext" }
        return (environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home) + "/.cache/bitext"
    }

    /// The image file for the gzip file at `gzip`, named by its size and a hash of its last 64 KB:
    /// a gzip stream ends with the CRC-32 and length of everything it holds, so any change to the
    /// dictionary changes its tail — no need to read all of it on every run.
    static func path(forGzip gzip: String, in folder: String) throws(BitextError) -> String {
        guard let file = FileHandle(forReadingAtPath: gzip) else { throw .unreadable(path: gzip, reason: "cannot be read") }
        defer { try? file.close() }
        let size = (try? file.seekToEnd()) ?? 0
        try? file.seek(toOffset: size > 65_536 ? size - 65_536 : 0)
        let tail = (try? file.readToEnd()) ?? Data()
        return "\(folder)/cedict-v\(formatVersion)-\(size)-\(String(FNV.hash(tail), radix: 16)).image"
    }

    /// Writes the image to `path` inside `folder` (created if need be) through a temporary file
    /// renamed into place, so a reader never sees half an image; on any failure nothing is left
    /// behind and the run goes on without a cache. Once it is in place, images of other formats or
    /// dictionaries in the folder (left by an older bitext, 30 MB each) are removed; a process
    /// still reading one keeps its mapping.
    func write(to path: String, folder: String) {
        let manager = FileManager.default
        guard (try? manager.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return }
        let temporary = "\(path).\(ProcessInfo.processInfo.processIdentifier).tmp"
        guard manager.createFile(atPath: temporary, contents: Data(encoded())) else {
            try? manager.removeItem(atPath: temporary)
            return
        }
        guard rename(temporary, path) == 0 else {
            try? manager.removeItem(atPath: temporary)
            return
        }
        let current = (path as NSString).lastPathComponent
        for name in (try? manager.contentsOfDirectory(atPath: folder)) ?? []
        where Self.isImageName(name) && name != current {
            try? manager.removeItem(atPath: folder + "/" + name)
        }
    }

    /// Whether `name` is the file name of an image (`cedict-v*.image`).
    static func isImageName(_ name: String) -> Bool { name.hasPrefix("cedict-v") && name.hasSuffix(".image") }

    // MARK: Encoding

    /// The image's bytes: the magic, the format version padded to 16 bytes, then each section as
    /// its element count (UInt64) and its elements as stored in memory (little-endian here), padded
    /// to a multiple of 8 bytes so that every section starts aligned for any of its element types.
    func encoded() -> [UInt8] {
        var out = Self.magic
        Self.append(Self.formatVersion, to: &out)
        Self.append(UInt32(0), to: &out)
        Self.appendSection(text, to: &out)
        for array in [glossStart, glossEnd, next, headwordRanges] { Self.appendSection(array, to: &out) }
        for table in [firstEntry, prefixes, glossWordCounts] {
            let parts = table.parts
            Self.appendSection(parts.keys, to: &out)
            Self.appendSection(parts.values, to: &out)
            Self.appendSection(parts.used, to: &out)
        }
        Self.appendSection(FlatArray(characterGlosses), to: &out)
        Self.appendSection(FlatArray(syllables), to: &out)
        return out
    }

    /// The image in the file at `path`, mapped into memory and read in place; nil when there is
    /// none or it is not a whole, consistent image of this format.
    init?(path: String) {
        guard let file = MappedFile(path: path) else { return nil }
        self.init(reading: file)
    }

    /// The image in `file`, or nil when it is not a whole, consistent image of this format.
    init?(reading file: MappedFile) {
        var reader = Reader(file: file)
        guard reader.take(Self.magic.count).map({ Array($0) }) == Self.magic, reader.scalar(UInt32.self) == Self.formatVersion,
              reader.scalar(UInt32.self) == 0,
              let text: FlatArray<UInt8> = reader.section(), let glossStart: FlatArray<Int32> = reader.section(),
              let glossEnd: FlatArray<Int32> = reader.section(), let next: FlatArray<Int32> = reader.section(),
              let headwordRanges: FlatArray<Int32> = reader.section()
        else { return nil }
        var tables: [KeyTable] = []
        for _ in 0..<3 {
            guard let keys: FlatArray<UInt64> = reader.section(), let values: FlatArray<Int32> = reader.section(),
                  let used: FlatArray<UInt8> = reader.section(), let table = KeyTable(keys: keys, values: values, used: used)
            else { return nil }
            tables.append(table)
        }
        guard let characterGlosses: FlatArray<UInt8> = reader.section(), let syllables: FlatArray<UInt8> = reader.section(),
              reader.atEnd else { return nil }
        guard Self.indicesHold(text: text, glossStart: glossStart, glossEnd: glossEnd, next: next,
                               headwordRanges: headwordRanges, firstEntry: tables[0]) else { return nil }
        self.init(text: text, glossStart: glossStart, glossEnd: glossEnd, next: next, headwordRanges: headwordRanges,
                  firstEntry: tables[0], prefixes: tables[1], glossWordCounts: tables[2], characterGlosses: Array(characterGlosses),
                  syllables: Array(syllables))
    }

    /// Whether every index the dictionary follows stays inside its arrays.
    private static func indicesHold(text: FlatArray<UInt8>, glossStart: FlatArray<Int32>, glossEnd: FlatArray<Int32>,
                                    next: FlatArray<Int32>, headwordRanges: FlatArray<Int32>, firstEntry: KeyTable) -> Bool {
        let entries = glossStart.count
        guard glossEnd.count == entries, next.count == entries, headwordRanges.count % 3 == 0 else { return false }
        for e in 0..<entries {
            let (start, end, following) = (Int(glossStart[e]), Int(glossEnd[e]), Int(next[e]))
            guard 0 <= start, start <= end, end <= text.count, -1 <= following, following < entries else { return false }
        }
        for i in stride(from: 0, to: headwordRanges.count, by: 3) {
            let (start, end, entry) = (Int(headwordRanges[i]), Int(headwordRanges[i + 1]), Int(headwordRanges[i + 2]))
            guard 0 <= start, start <= end, end <= text.count, 0 <= entry, entry < entries else { return false }
        }
        return firstEntry.allValues { 0 <= $0 && Int($0) < entries }
    }

    init(text: FlatArray<UInt8>, glossStart: FlatArray<Int32>, glossEnd: FlatArray<Int32>, next: FlatArray<Int32>,
         headwordRanges: FlatArray<Int32>,
         firstEntry: KeyTable, prefixes: KeyTable, glossWordCounts: KeyTable, characterGlosses: [UInt8], syllables: [UInt8]) {
        self.text = text
        self.glossStart = glossStart
        self.glossEnd = glossEnd
        self.next = next
        self.headwordRanges = headwordRanges
        self.firstEntry = firstEntry
        self.prefixes = prefixes
        self.glossWordCounts = glossWordCounts
        self.characterGlosses = characterGlosses
        self.syllables = syllables
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    /// A section: its element count, then its elements as stored in memory (little-endian here),
    /// padded to a multiple of 8 bytes.
    private static func appendSection<T: FixedWidthInteger>(_ array: FlatArray<T>, to out: inout [UInt8]) {
        append(UInt64(array.count), to: &out)
        array.withUnsafeBufferPointer { out.append(contentsOf: UnsafeRawBufferPointer($0)) }
        out.append(contentsOf: repeatElement(0, count: (8 - out.count % 8) % 8))
    }

    /// Reads sections in order, in place; nil on any shortfall.
    private struct Reader {
        let file: MappedFile
        var offset = 0

        var atEnd: Bool { offset == file.bytes.count }

        mutating func take(_ n: Int) -> UnsafeRawBufferPointer? {
            guard n >= 0, n <= file.bytes.count - offset else { return nil }
            defer { offset += n }
            return UnsafeRawBufferPointer(rebasing: file.bytes[offset..<(offset + n)])
        }

        mutating func scalar<T: FixedWidthInteger>(_: T.Type) -> T? {
            take(MemoryLayout<T>.size).map { T(littleEndian: $0.loadUnaligned(as: T.self)) }
        }

        /// The next section's elements, read in place from the file.
        mutating func section<T: FixedWidthInteger>() -> FlatArray<T>? {
            guard 1.littleEndian == 1, offset % 8 == 0, let count = scalar(UInt64.self), count <= UInt64(file.bytes.count),
                  let raw = take(Int(count) * MemoryLayout<T>.size), take((8 - offset % 8) % 8) != nil else { return nil }
            guard let base = raw.baseAddress else { return FlatArray() }
            return FlatArray(reading: base.bindMemory(to: T.self, capacity: Int(count)), count: Int(count), in: file)
        }
    }
}
