import BitextCore
import Foundation
import XCTest

/// Paths to the package's shipped samples and to ../shared (which tests skip without).
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func sample(_ name: String) -> String {
        packageRoot.appendingPathComponent("Samples/\(name)").path
    }

    static let bilingualExcerpt = sample("chinamil-post-isis-era.bilingual-excerpt.txt")
    static let article = sample("chinamil-post-isis-era.txt")
    static let voaArticle = sample("voa-islamic-state-recruits-china.txt")

    /// `../shared` beside the package, or a skip when it is absent.
    static func shared(_ relative: String) throws -> String {
        let root = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("data").path) else {
            throw XCTSkip("../shared is not beside the package; this test needs its data (\(relative))")
        }
        return root.appendingPathComponent(relative).path
    }

    /// A fresh temporary directory, removed when the test ends.
    static func temporaryDirectory(for test: XCTestCase) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bitext-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }
}
