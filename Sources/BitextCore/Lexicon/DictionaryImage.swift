import Foundation

/// The embedded dictionary as a binary image: its text, entry arrays, hash tables and what it
/// would otherwise compute on every run (gloss word counts, character meanings, ICU's toneless
/// syllables of the CJK characters), so a
/// run reads one file instead of decompressing, parsing and counting CC-CEDICT. The image lives in
/// a cache folder and is keyed by the compressed dictionary it was built from (`path(forGzip:in:)`): a
/// different dictionary or image format builds a new one. The first run builds and writes it (and
/// works the same when the folder cannot be written); a damaged or foreign image is rebuilt.
struct DictionaryImage {
    /// Bumped whenever the layout below or what it holds changes.
    static let formatVersion: UInt32 = 4
    static let magic: [UInt8] = Array("BITEXTDI".utf8)

    var text: [UInt8]
    var glossStart: [Int32]
    var glossEnd: [Int32]
    var next: [Int32]
    var headwordRanges: [Int32]  // start, end, entry per headword
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
    /// behind and the run goes on without a cache.
    func write(to path: String, folder: String) {
        let manager = FileManager.default
        guard (try? manager.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return }
        let temporary = "\(path).\(ProcessInfo.processInfo.processIdentifier).tmp"
        guard manager.createFile(atPath: temporary, contents: Data(encoded())) else {
            try? manager.removeItem(atPath: temporary)
            return
        }
        if rename(temporary, path) != 0 { try? manager.removeItem(atPath: temporary) }
    }

    // MARK: Encoding

    /// The image's bytes.
    func encoded() -> [UInt8] {
        var out = Self.magic
        Self.append(Self.formatVersion, to: &out)
        Self.appendSection(text, to: &out)
        for array in [glossStart, glossEnd, next, headwordRanges] { Self.appendSection(array, to: &out) }
        for table in [firstEntry, prefixes, glossWordCounts] {
            let parts = table.parts
            Self.appendSection(parts.keys, to: &out)
            Self.appendSection(parts.values, to: &out)
            Self.appendSection(parts.used.map { $0 ? UInt8(1) : 0 }, to: &out)
        }
        Self.appendSection(characterGlosses, to: &out)
        Self.appendSection(syllables, to: &out)
        return out
    }

    /// The image in the file at `path`, mapped into memory and copied out once; nil when there is
    /// none or it is not a whole, consistent image of this format.
    init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0, let base = mmap(nil, Int(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0),
              base != MAP_FAILED else { return nil }
        defer { munmap(base, Int(info.st_size)) }
        self.init(decoding: UnsafeRawBufferPointer(start: base, count: Int(info.st_size)))
    }

    /// The image in `bytes`, or nil when they are not a whole, consistent image of this format.
    init?(decoding bytes: UnsafeRawBufferPointer) {
        var reader = Reader(bytes: bytes)
        guard reader.take(Self.magic.count).map({ Array($0) }) == Self.magic, reader.scalar(UInt32.self) == Self.formatVersion,
              let text: [UInt8] = reader.section(), let glossStart: [Int32] = reader.section(), let glossEnd: [Int32] = reader.section(),
              let next: [Int32] = reader.section(), let headwordRanges: [Int32] = reader.section()
        else { return nil }
        var tables: [KeyTable] = []
        for _ in 0..<3 {
            guard let keys: [UInt64] = reader.section(), let values: [Int32] = reader.section(), let used: [UInt8] = reader.section(),
                  let table = KeyTable(keys: keys, values: values, used: used.map { $0 != 0 })
            else { return nil }
            tables.append(table)
        }
        guard let characterGlosses: [UInt8] = reader.section(), let syllables: [UInt8] = reader.section(), reader.atEnd else { return nil }
        guard Self.indicesHold(text: text, glossStart: glossStart, glossEnd: glossEnd, next: next,
                               headwordRanges: headwordRanges, firstEntry: tables[0]) else { return nil }
        self.init(text: text, glossStart: glossStart, glossEnd: glossEnd, next: next, headwordRanges: headwordRanges,
                  firstEntry: tables[0], prefixes: tables[1], glossWordCounts: tables[2], characterGlosses: characterGlosses,
                  syllables: syllables)
    }

    /// Whether every index the dictionary follows stays inside its arrays.
    private static func indicesHold(text: [UInt8], glossStart: [Int32], glossEnd: [Int32], next: [Int32],
                                    headwordRanges: [Int32], firstEntry: KeyTable) -> Bool {
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

    init(text: [UInt8], glossStart: [Int32], glossEnd: [Int32], next: [Int32], headwordRanges: [Int32],
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

    /// A section: its element count, then its elements as stored in memory (little-endian here).
    private static func appendSection<T: FixedWidthInteger>(_ array: [T], to out: inout [UInt8]) {
        append(UInt64(array.count), to: &out)
        array.withUnsafeBytes { out.append(contentsOf: $0) }
    }

    /// Reads sections in order; nil on any shortfall.
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        var atEnd: Bool { offset == bytes.count }

        mutating func take(_ n: Int) -> UnsafeRawBufferPointer? {
            guard n >= 0, n <= bytes.count - offset else { return nil }
            defer { offset += n }
            return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + n)])
        }

        mutating func scalar<T: FixedWidthInteger>(_: T.Type) -> T? {
            take(MemoryLayout<T>.size).map { T(littleEndian: $0.loadUnaligned(as: T.self)) }
        }

        mutating func section<T: FixedWidthInteger>() -> [T]? {
            guard let count = scalar(UInt64.self), count <= UInt64(bytes.count),
                  let raw = take(Int(count) * MemoryLayout<T>.size) else { return nil }
            if 1.littleEndian == 1 {  // stored as in memory: one copy
                return [T](unsafeUninitializedCapacity: Int(count)) { out, initialized in
                    UnsafeMutableRawBufferPointer(out).copyMemory(from: raw)
                    initialized = Int(count)
                }
            }
            return (0..<Int(count)).map { T(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * MemoryLayout<T>.size, as: T.self)) }
        }
    }
}
