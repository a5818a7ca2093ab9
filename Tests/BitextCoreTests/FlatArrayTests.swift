@testable import BitextCore
import Foundation
import XCTest

/// The flat arrays the dictionary image is read into: owned or read in place from a mapped file,
/// copied on the first change.
final class FlatArrayTests: XCTestCase {
    func testAppendGrowsAndKeepsEveryElement() {
        var array = FlatArray<Int32>()
        for k in 0..<1000 { array.append(Int32(k)) }
        array.append(contentsOf: [7, 8, 9])
        array.append(contentsOf: (0..<3).lazy.map { Int32($0) })  // no contiguous storage
        XCTAssertEqual(array.count, 1006)
        XCTAssertEqual(Array(array.prefix(3)), [0, 1, 2])
        XCTAssertEqual(Array(array.suffix(6)), [7, 8, 9, 0, 1, 2])
        XCTAssertEqual(array.reduce(0) { $0 + Int($1) }, 999 * 1000 / 2 + 24 + 3)
    }

    func testACopyIsChangedWithoutTheOriginal() {
        let original = FlatArray<UInt64>(repeating: 5, count: 4)
        var copy = original
        copy[1] = 6
        copy.append(7)
        XCTAssertEqual(Array(original), [5, 5, 5, 5])
        XCTAssertEqual(Array(copy), [5, 6, 5, 5, 7])
    }

    func testACopyMadeToOwnTheElementsKeepsTheCapacity() {
        // Each copy written once: a copy that doubled the capacity would need 2^60 elements by the end.
        var array = FlatArray<UInt64>(repeating: 1, count: 1 << 10)
        for k in 0..<50 {
            let shared = array
            array[k] = 2
            XCTAssertEqual(shared[k], 1)
        }
        XCTAssertEqual(array.filter { $0 == 2 }.count, 50)
        XCTAssertEqual(array.count, 1 << 10)
    }

    func testAnArrayReadFromAFileIsCopiedOnItsFirstChange() throws {
        let path = NSTemporaryDirectory() + "flat-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let values: [Int32] = [10, -20, 30, 40]
        try values.withUnsafeBytes { Data($0) }.write(to: URL(fileURLWithPath: path))
        let file = try XCTUnwrap(MappedFile(path: path))
        let pointer = try XCTUnwrap(file.bytes.baseAddress).bindMemory(to: Int32.self, capacity: values.count)
        let mapped = FlatArray(reading: pointer, count: values.count, in: file)
        XCTAssertEqual(Array(mapped), values, "read in place")
        var changed = mapped
        changed[0] = 11
        changed.append(50)
        XCTAssertEqual(Array(changed), [11, -20, 30, 40, 50])
        XCTAssertEqual(Array(mapped), values, "the mapped file is never written")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), values.withUnsafeBytes { Data($0) })
        XCTAssertNil(MappedFile(path: path + ".missing"))
    }

    func testAKeyTableReadFromAnImageTakesNewKeys() throws {
        let folder = NSTemporaryDirectory() + "bitext-image-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try BilingualDictionary.embedded(cacheFolder: folder)  // writes the image
        var fromImage = try BilingualDictionary.embedded(cacheFolder: folder)  // reads it in place
        let before = fromImage.count
        fromImage.add(headword: "测试术语", english: "test term")
        XCTAssertEqual(fromImage.count, before + 1)
        XCTAssertEqual(fromImage.glossFields(HanKey("测试术语")), ["test term"])
        XCTAssertTrue(fromImage.glossFields(HanKey("伊斯兰国")).joined().contains("Islamic State"), "the image's entries stay")
        let again = try BilingualDictionary.embedded(cacheFolder: folder)
        XCTAssertEqual(again.count, before, "another dictionary read from the same image does not see the entry")
        XCTAssertTrue(again.glossFields(HanKey("测试术语")).isEmpty)
    }

    func testWritingAnImageRemovesImagesOfOtherFormatsOnly() throws {
        let folder = NSTemporaryDirectory() + "bitext-image-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in ["cedict-v4-3873926-d47006d21681a050.image", "notes.txt"] {
            XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/" + name, contents: Data("old".utf8)))
        }
        _ = try BilingualDictionary.embedded(cacheFolder: folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        XCTAssertEqual(names.count, 2, "\(names)")
        XCTAssertEqual(names.last, "notes.txt", "other files stay")
        XCTAssertTrue(names[0].hasPrefix("cedict-v\(DictionaryImage.formatVersion)-"), names[0])
    }
}
