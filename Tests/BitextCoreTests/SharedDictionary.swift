import BitextCore
import Foundation

/// The embedded dictionary, loaded once for all tests (its image cached in a folder of the tests' own).
enum SharedDictionary {
    static let cacheFolder = NSTemporaryDirectory() + "bitext-test-cache"
    static let embedded: BilingualDictionary = try! BilingualDictionary.embedded(cacheFolder: cacheFolder)
}
