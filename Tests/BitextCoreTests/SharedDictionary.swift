import BitextCore

/// The embedded dictionary, loaded once for all tests.
enum SharedDictionary {
    nonisolated(unsafe) static let embedded: BilingualDictionary = try! BilingualDictionary.embedded()
}
