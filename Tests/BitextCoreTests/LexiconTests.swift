@testable import BitextCore
@testable import BitextFormats
import Foundation
import ICUKit
import Synchronization
import XCTest

final class LexiconTests: XCTestCase {
    func testEmbeddedCCCEDICTIsIndexedBySimplifiedAndTraditional() {
        let dictionary = SharedDictionary.embedded
        XCTAssertGreaterThan(dictionary.count, 190_000)  // ~123k lines, each under both scripts when they differ
        XCTAssertTrue(dictionary.glossFields(HanKey("伊斯兰国")).joined().contains("Islamic State"))
        XCTAssertEqual(dictionary.glossFields(HanKey("伊斯蘭國")), dictionary.glossFields(HanKey("伊斯兰国")))
        XCTAssertTrue(dictionary.isPrefix(HanKey("伊斯兰")))
        XCTAssertFalse(dictionary.contains(HanKey("伊斯兰国总部转移")))
    }

    func testDictionaryImageHoldsWhatParsingBuilds() throws {
        let folder = NSTemporaryDirectory() + "bitext-image-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let parsed = try BilingualDictionary.embedded(cacheFolder: folder)  // no image yet: parses, writes one
        let images = try FileManager.default.contentsOfDirectory(atPath: folder)
        XCTAssertEqual(images.count, 1, "\(images)")
        XCTAssertTrue(images[0].hasSuffix(".image"), "no temporary file left")
        let loaded = try XCTUnwrap(DictionaryImage(path: folder + "/" + images[0]).map(BilingualDictionary.init(image:)))
        XCTAssertEqual(loaded.count, parsed.count)
        let headwords = parsed.headwords
        XCTAssertEqual(loaded.headwords.count, headwords.count)
        for (headword, _) in stride(from: 0, to: headwords.count, by: 97).map({ headwords[$0] }) + [("伊斯兰国", 0), ("长江", 0)] {
            let key = HanKey(headword)
            XCTAssertEqual(loaded.glossFields(key), parsed.glossFields(key), headword)
            XCTAssertEqual(loaded.isPrefix(key), parsed.isPrefix(key), headword)
            XCTAssertEqual(loaded.isVerbOnly(key), parsed.isVerbOnly(key), headword)
            XCTAssertEqual(loaded.numberedReading(key, length: headword.count), parsed.numberedReading(key, length: headword.count))
        }
        for word in ["study", "cisplatin", "state"] { XCTAssertEqual(loaded.glossCount(word), parsed.glossCount(word), word) }
        XCTAssertGreaterThan(loaded.glossCount("study"), 100)
        let heart: Unicode.Scalar = "心"
        XCTAssertEqual(loaded.characterGlosses().words[heart], parsed.characterGlosses().words[heart])
        XCTAssertTrue(loaded.characterGlosses().words[heart]?.contains("cardiac") ?? false)
        XCTAssertEqual(loaded.readings(of: "勒"), parsed.readings(of: "勒"))
        // The toneless syllables match what ICU gives, without opening ICU.
        let icu = try Transliterator(Pinyin.tonelessTransform)
        for c in "陈锴勒行A，é2".unicodeScalars {
            XCTAssertEqual(loaded.tonelessSyllable(c), Pinyin.syllable(c, transform: icu), "\(c)")
        }
        XCTAssertEqual(try Pinyin(dictionary: loaded).syllable("陈"), "chen")
        XCTAssertNil(BilingualDictionary().tonelessSyllable("陈"), "only the embedded dictionary keeps them")
    }

    func testADictionaryIsAValueThatThreadsShare() {
        // A copy with entries added leaves the original as it was, and its gloss word counts count
        // the new fields (the original's were built first, from its image).
        let embedded = SharedDictionary.embedded
        let before = embedded.glossCount("caliphate")
        var mine = embedded
        mine.add(headword: "测试哈里发", english: "caliphate")
        mine.add(headword: "测试哈里发制", english: "caliphate (system)")
        XCTAssertEqual(mine.glossCount("caliphate"), before + 2)
        XCTAssertEqual(embedded.glossCount("caliphate"), before)
        // A user glossary adds entries one by one to the image's dictionary, whose counts are built:
        // they are counted on when next asked for, not copied at every entry.
        for k in 0..<500 { mine.add(headword: "测试术语\(k)", english: "zyxtest term") }
        XCTAssertEqual(mine.glossCount("zyxtest"), 500)
        XCTAssertEqual(mine.glossCount("caliphate"), before + 2)
        XCTAssertEqual(embedded.glossCount("zyxtest"), 0)
        XCTAssertEqual(embedded.glossFields(HanKey("测试哈里发")), [])
        // Statistics built on first use by many threads at once are built once and agree: a parsed
        // dictionary (no image) learns its character meanings under the lock.
        var parsed = BilingualDictionary()
        for (headword, english) in [("心脏", "heart"), ("心肌", "cardiac muscle"), ("心电图", "electrocardiogram"),
                                    ("心率", "heart rate"), ("心衰", "heart failure")] {
            parsed.add(headword: headword, english: english)
        }
        let shared = parsed
        let heart: Unicode.Scalar = "心"
        let seen = Mutex<[Set<String>]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let words = shared.characterGlosses().words[heart] ?? []
            _ = shared.glossCount("heart")
            seen.withLock { $0.append(words) }
        }
        XCTAssertEqual(seen.withLock { Set($0) }, [["heart"]])
        XCTAssertEqual(shared.glossCount("heart"), 3)
    }

    func testSyllableTableFindsEveryCharacterByBinarySearch() {
        let table = SyllableTable(["陈".unicodeScalars.first!.value: "chen", "A".unicodeScalars.first!.value: "a", 0x3002: ""])
        XCTAssertEqual(table.syllable("陈".unicodeScalars.first!.value), "chen")
        XCTAssertEqual(table.syllable(0x41), "a")
        XCTAssertEqual(table.syllable(0x3002), "", "。 has no syllable, and says so")
        XCTAssertNil(table.syllable("锴".unicodeScalars.first!.value), "not in the table")
        XCTAssertEqual(SyllableTable(lines: table.lines).syllable("陈".unicodeScalars.first!.value), "chen", "read back from its lines")
        let damaged = SyllableTable(lines: Array("陈\tchen\nno tab here\nA\ta\n".utf8))
        XCTAssertNil(damaged.syllable(0x41), "a line out of order is skipped, not misread")
        XCTAssertEqual(damaged.syllable("陈".unicodeScalars.first!.value), "chen")
    }

    func testDamagedOrMissingImagesAreRebuilt() throws {
        let folder = NSTemporaryDirectory() + "bitext-image-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try BilingualDictionary.embedded(cacheFolder: folder)
        let path = folder + "/" + (try FileManager.default.contentsOfDirectory(atPath: folder))[0]
        let good = try XCTUnwrap(FileManager.default.contents(atPath: path))
        let damaged: [(String, Data)] = [("truncated", good.prefix(good.count / 2)), ("empty", Data()),
                                         ("other format", Data("BITEXTDI\u{9}\0\0\0".utf8) + good.dropFirst(12)),
                                         ("misaligned", good.prefix(16) + Data([0]) + good.dropFirst(16)),
                                         ("out-of-range index", Self.withGlossEndPastTheText(good))]
        for (what, bytes) in damaged {
            try bytes.write(to: URL(fileURLWithPath: path))
            XCTAssertNil(DictionaryImage(path: path), what)
            let rebuilt = try BilingualDictionary.embedded(cacheFolder: folder)
            XCTAssertTrue(rebuilt.glossFields(HanKey("伊斯兰国")).joined().contains("Islamic State"), what)
            XCTAssertEqual(FileManager.default.contents(atPath: path), good, "\(what): the image is written again")
        }
        // A folder that cannot be written: the dictionary still loads.
        let blocked = folder + "/blocked"
        XCTAssertTrue(FileManager.default.createFile(atPath: blocked, contents: Data()))
        XCTAssertGreaterThan(try BilingualDictionary.embedded(cacheFolder: blocked + "/cache").count, 190_000)
        XCTAssertGreaterThan(try BilingualDictionary.embedded(cacheFolder: nil).count, 190_000)
    }

    /// `image` with its first entry's gloss end moved past the end of the text (sections start at
    /// byte 16, each its count and its elements padded to a multiple of 8 bytes).
    private static func withGlossEndPastTheText(_ image: Data) -> Data {
        var bytes = [UInt8](image)
        func count(at offset: Int) -> Int { bytes[offset..<(offset + 8)].reversed().reduce(0) { $0 << 8 | Int($1) } }
        func padded(_ n: Int) -> Int { (n + 7) / 8 * 8 }
        let textCount = count(at: 16)
        let glossStart = 16 + 8 + padded(textCount)
        let glossEnd = glossStart + 8 + padded(4 * count(at: glossStart))
        withUnsafeBytes(of: Int32(textCount + 1).littleEndian) { bytes.replaceSubrange((glossEnd + 8)..<(glossEnd + 12), with: $0) }
        return Data(bytes)
    }

    func testVocabularyShardsAdoptedInOrderGiveTheIDsOfOneReader() {
        let serial = Vocabulary(), shared = Vocabulary()
        for v in [serial, shared] { _ = v.id("a") }
        let texts = [["b", "a", "c", "b"], ["c", "d", "a", "e"]]
        let serialIDs = texts.map { $0.map(serial.id) }
        // Both shards read `shared` as it was before either was adopted.
        var shards = texts.map { _ in VocabularyShard(shared) }
        let provisional = texts.indices.map { k in texts[k].map { shards[k].id($0) } }
        XCTAssertEqual(provisional, [[1, 0, 2, 1], [1, 2, 0, 3]], "new words numbered past the shared ones, per shard")
        let finalIDs = texts.indices.map { k in
            let adopted = shared.adopt(shards[k])
            return provisional[k].map { shards[k].final($0, adopted: adopted) }
        }
        XCTAssertEqual(finalIDs, serialIDs)
        XCTAssertEqual(shared.words, serial.words)
    }

    func testVerbsAreReadFromTheToGlosses() {
        let dictionary = SharedDictionary.embedded
        XCTAssertTrue(dictionary.isVerbOnly(HanKey("接受")))
        // "/to accept (a suggestion, punishment, bribe etc); to acquiesce/": one gloss, its first verb.
        XCTAssertEqual(dictionary.verbs(of: HanKey("接受")), ["accept"])
        XCTAssertFalse(dictionary.isVerbOnly(HanKey("肿瘤")))
        XCTAssertEqual(dictionary.verbs(of: HanKey("肿瘤")), [], "tumor is no verb")
    }

    func testProperNamesAreTheEntriesWithCapitalisedPinyin() {
        let dictionary = SharedDictionary.embedded
        XCTAssertTrue(dictionary.isProperName(HanKey("北京")), "[Bei3 jing1]")
        XCTAssertTrue(dictionary.isProperName(HanKey("曹雪芹")))
        XCTAssertTrue(dictionary.isProperName(HanKey("陈")), "one of its entries is the surname [Chen2]")
        XCTAssertFalse(dictionary.isProperName(HanKey("国际社会")), "[guo2 ji4 she4 hui4]")
        XCTAssertFalse(dictionary.isProperName(HanKey("不在词典里的词")))
        var user = BilingualDictionary()
        user.add(headword: "北京", english: "Beijing")
        XCTAssertFalse(user.isProperName(HanKey("北京")), "a user entry has no pinyin to tell")
    }

    func testStemmerMeetsInflectedForms() {
        XCTAssertEqual(EnglishWords.stem("terrorists"), EnglishWords.stem("terrorist"))
        XCTAssertEqual(EnglishWords.stem("believed"), EnglishWords.stem("believe"))
        XCTAssertEqual(EnglishWords.stem("Running"), "run")
        XCTAssertEqual(EnglishWords.stem("studies"), "study")
        XCTAssertEqual(EnglishWords.stem("State's"), "stat")
        XCTAssertNotEqual(EnglishWords.stem("terrorism"), EnglishWords.stem("terrorist"))
    }

    func testChineseNumerals() {
        XCTAssertEqual(ChineseCharacters.value("二十一".unicodeScalars), 21)
        XCTAssertEqual(ChineseCharacters.value("九百六十九".unicodeScalars), 969)
        XCTAssertEqual(ChineseCharacters.value("二〇一七".unicodeScalars), 2017)
        XCTAssertEqual(ChineseCharacters.value("三万六千五百零一".unicodeScalars), 36501)
        XCTAssertNil(ChineseCharacters.value("一".unicodeScalars))
    }

    func testUserGlossaryFormats() throws {
        let dir = try Fixtures.temporaryDirectory(for: self)
        let csv = dir.appendingPathComponent("terms.csv")
        try "zh,en,note\n\"哈里发国\",caliphate,\"a state, led by a caliph\"\n张锴,Zhang Kai,\n".write(to: csv, atomically: true, encoding: .utf8)
        let tsv = dir.appendingPathComponent("terms.tsv")
        try "摁下葫芦起了瓢\tsolve one problem only to see another\n".write(to: tsv, atomically: true, encoding: .utf8)
        let cedict = dir.appendingPathComponent("mine.u8")
        try "# my entries\n後伊斯蘭國時代 后伊斯兰国时代 [hou4 yi1 si1 lan2 guo2 shi2 dai4] /post-ISIS era/\n".write(to: cedict, atomically: true, encoding: .utf8)
        var dictionary = BilingualDictionary()
        XCTAssertEqual(try DictionaryFile.load(csv.path, into: &dictionary), 2)
        XCTAssertEqual(try DictionaryFile.load(tsv.path, into: &dictionary), 1)
        XCTAssertEqual(try DictionaryFile.load(cedict.path, into: &dictionary), 2)
        XCTAssertEqual(dictionary.glossFields(HanKey("哈里发国")), ["caliphate"])
        XCTAssertEqual(dictionary.glossFields(HanKey("后伊斯兰国时代")), ["/post-ISIS era/"])
    }

    func testBadDictionaryFilesNameTheLine() throws {
        let dir = try Fixtures.temporaryDirectory(for: self)
        let csv = dir.appendingPathComponent("bad.csv")
        try "zh,en\n伊斯兰国,Islamic State\n\"国际社会,international community\n".write(to: csv, atomically: true, encoding: .utf8)
        var dictionary = BilingualDictionary()
        XCTAssertThrowsError(try DictionaryFile.load(csv.path, into: &dictionary)) { error in
            XCTAssertEqual("\(error)", "\(csv.path):3: error: a quoted field is never closed — add the missing \"")
        }
        let oneColumn = dir.appendingPathComponent("one.tsv")
        try "伊斯兰国\tIslamic State\n国际社会\n".write(to: oneColumn, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try DictionaryFile.load(oneColumn.path, into: &dictionary)) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(oneColumn.path):2: error: expected a Chinese term and an English term"), "\(error)")
        }
    }
}

/// Display pinyin from CC-CEDICT's word readings, not character by character.
final class PinyinReadingTests: XCTestCase {
    func testWordReadingsForPolyphonicCharacters() throws {
        let dictionary = SharedDictionary.embedded
        let pinyin = try Pinyin()
        XCTAssertEqual(pinyin.reading("中国银行", dictionary: dictionary), "zhōng guó yín háng")
        XCTAssertEqual(pinyin.reading("长江", dictionary: dictionary), "cháng jiāng")
        XCTAssertEqual(pinyin.reading("所罗门", dictionary: dictionary), "suǒ luó mén")
        XCTAssertEqual(pinyin.reading("罗小四", dictionary: dictionary), "luó xiǎo sì")
        XCTAssertEqual(pinyin.reading("長江", dictionary: dictionary), pinyin.reading("长江", dictionary: dictionary), "Traditional twin")
        XCTAssertEqual(pinyin.reading("伊斯兰国", dictionary: dictionary), "yī sī lán guó")
        XCTAssertEqual(pinyin.reading("HER2阳性", dictionary: dictionary), "HER2 yáng xìng")
        XCTAssertEqual(pinyin.reading("无进展生存期", dictionary: dictionary), "wú jìn zhǎn shēng cún qī", "无 is wú, not mó of 南无")
        XCTAssertEqual(pinyin.reading("曾", dictionary: dictionary), "céng", "the everyday reading, not the surname Zeng")
    }

    func testToneMarkPlacement() {
        XCTAssertEqual(Pinyin.toneMarked("yin2"), "yín")
        XCTAssertEqual(Pinyin.toneMarked("lu:4"), "lǜ")
        XCTAssertEqual(Pinyin.toneMarked("zhou1"), "zhōu")
        XCTAssertEqual(Pinyin.toneMarked("gui4"), "guì")
        XCTAssertEqual(Pinyin.toneMarked("liu2"), "liú")
        XCTAssertEqual(Pinyin.toneMarked("de5"), "de")
    }
}
