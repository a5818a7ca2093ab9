@testable import BitextFormats
import XCTest

final class CorpusTests: XCTestCase {
    func testShardsPartitionAnyIDs() throws {
        let ids = (0..<500).map { "doc-\($0)" } + ["", "伊斯兰国", "a/b"]
        for count in [1, 2, 3, 8] {
            let shards = try (1...count).map { try XCTUnwrap(Shard(index: $0, count: count)) }
            var sizes = Array(repeating: 0, count: count)
            for id in ids {
                let owners = shards.filter { $0.contains(id) }
                XCTAssertEqual(owners.count, 1, "\(id) in exactly one of \(count) shards")
                sizes[owners[0].index - 1] += 1
            }
            if count > 1 { XCTAssertGreaterThan(sizes.min()!, ids.count / count / 2, "shards of similar size: \(sizes)") }
        }
        XCTAssertEqual(Shard("3/8"), Shard(index: 3, count: 8))
        XCTAssertTrue(Shard(index: 2, count: 3)!.contains("doc-1") == Shard(index: 2, count: 3)!.contains("doc-1"), "stable")
        for bad in ["0/3", "4/3", "3", "a/b", "1/0", "-1/2", "1/2/3"] { XCTAssertNil(Shard(bad), bad) }
    }

    func testIDsFromFileNames() {
        XCTAssertEqual(Corpus.id(of: "/x/y/book.zh.txt"), "book")
        XCTAssertEqual(Corpus.id(of: "ch01.zh"), "ch01")
        XCTAssertEqual(Corpus.id(of: "ch01.txt"), "ch01")
    }
}
