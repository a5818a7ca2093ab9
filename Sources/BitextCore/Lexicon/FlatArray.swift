import Foundation

/// An array of plain values (integers) whose elements live either in memory of its own or in a
/// read-only mapped file — the dictionary image, read in place instead of copied, so a run touches
/// only the pages it looks up. The first change to an array read from a file copies it into memory
/// of its own (copy on write, as `Array` does when its buffer is shared).
struct FlatArray<Element: FixedWidthInteger>: RandomAccessCollection {
    /// The memory of an array that owns its elements.
    private final class Storage {
        let pointer: UnsafeMutablePointer<Element>
        let capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            pointer = .allocate(capacity: capacity)
        }

        deinit { pointer.deallocate() }  // plain integers: nothing to deinitialize
    }

    /// Owned memory, nil while the elements are read from `file`.
    private var storage: Storage?
    /// The mapped file the elements are read from, kept open as long as they are.
    private var file: MappedFile?
    private var base: UnsafePointer<Element>?
    /// The number of elements.
    private(set) var count: Int

    /// An empty array.
    init() { count = 0 }

    /// `count` copies of `value`.
    init(repeating value: Element, count: Int) {
        self.count = 0
        reserve(count)
        storage!.pointer.initialize(repeating: value, count: count)
        self.count = count
    }

    /// The elements of `elements`, copied.
    init(_ elements: some Sequence<Element>) {
        self.init()
        append(contentsOf: elements)
    }

    /// The `count` elements at `pointer` inside `file`, read in place; `pointer` must be aligned for `Element`.
    init(reading pointer: UnsafePointer<Element>, count: Int, in file: MappedFile) {
        base = pointer
        self.count = count
        self.file = file
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(position: Int) -> Element {
        get {
            precondition(position >= 0 && position < count, "FlatArray index out of range")
            return base.unsafelyUnwrapped[position]
        }
        set {
            precondition(position >= 0 && position < count, "FlatArray index out of range")
            reserve(count)
            storage.unsafelyUnwrapped.pointer[position] = newValue
        }
    }

    /// Adds `element` at the end.
    mutating func append(_ element: Element) {
        reserve(count + 1)
        storage.unsafelyUnwrapped.pointer[count] = element
        count += 1
    }

    /// Adds `elements` at the end.
    mutating func append(contentsOf elements: some Sequence<Element>) {
        let copied: Void? = elements.withContiguousStorageIfAvailable { buffer in
            reserve(count + buffer.count)
            if let source = buffer.baseAddress { (storage.unsafelyUnwrapped.pointer + count).initialize(from: source, count: buffer.count) }
            count += buffer.count
        }
        if copied == nil { for element in elements { append(element) } }
    }

    /// Calls `body` with the elements as one buffer, without copying them.
    func withUnsafeBufferPointer<T>(_ body: (UnsafeBufferPointer<Element>) throws -> T) rethrows -> T {
        try withExtendedLifetime((storage, file)) { try body(UnsafeBufferPointer(start: base, count: count)) }
    }

    /// Makes the elements this array's own, not shared with a copy or read from a file, with room
    /// for `minimum` of them: a copy made only to own them keeps the capacity, one made to grow
    /// doubles it.
    private mutating func reserve(_ minimum: Int) {
        if isKnownUniquelyReferenced(&storage), storage.unsafelyUnwrapped.capacity >= minimum { return }
        let current = storage?.capacity ?? count
        let grown = Storage(capacity: minimum <= current ? Swift.max(current, 16) : Swift.max(minimum, 2 * current, 16))
        if let base { grown.pointer.initialize(from: base, count: count) }
        storage = grown
        file = nil
        base = UnsafePointer(grown.pointer)
    }
}

/// Flat arrays hold integers, and a buffer is never changed while shared (copy on write), so they
/// may cross threads as `Array` does.
extension FlatArray: @unchecked Sendable {}

/// A file mapped read-only into memory for as long as some value keeps a reference to it (its
/// pages are never written, so threads may share it).
final class MappedFile: @unchecked Sendable {
    /// The file's bytes.
    let bytes: UnsafeRawBufferPointer

    /// The file at `path` mapped, or nil when it cannot be opened or is empty.
    init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0, let base = mmap(nil, Int(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0),
              base != MAP_FAILED else { return nil }
        bytes = UnsafeRawBufferPointer(start: base, count: Int(info.st_size))
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count) }
}
