import BitextCore
import Synchronization

/// What readers had to leave out of a file and say so (units of other languages skipped, inline
/// codes dropped): collected while reading, for the command to show. Shared by the formats of
/// one `FormatSettings`; safe to use from several threads.
public final class ReadNotes: Sendable {
    private let notes = Mutex<[String]>([])

    /// An empty collection.
    public init() {}

    /// Adds a note ("FILE: note: …").
    public func add(_ path: String, _ message: String) {
        notes.withLock { $0.append("\(path): note: \(message)") }
    }

    /// The notes so far, oldest first, and forgets them.
    public func drain() -> [String] {
        notes.withLock { all in
            defer { all.removeAll() }
            return all
        }
    }
}
