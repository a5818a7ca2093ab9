/// A UTF-16 buffer with a stable address, for ICU objects that keep a pointer into their text.
final class UTF16Buffer {
    private(set) var pointer: UnsafeMutablePointer<UInt16>
    private var capacity: Int
    private(set) var count: Int = 0

    init(capacity: Int = 256) {
        self.capacity = max(1, capacity)
        pointer = .allocate(capacity: self.capacity)
    }

    deinit { pointer.deallocate() }

    /// Replaces the contents with `units`, growing the storage when needed.
    func assign<C: Collection>(_ units: C) where C.Element == UInt16 {
        let n = units.count
        if n > capacity {
            pointer.deallocate()
            capacity = max(n, capacity * 2)
            pointer = .allocate(capacity: capacity)
        }
        var i = 0
        let done = units.withContiguousStorageIfAvailable { src -> Bool in
            if let base = src.baseAddress { pointer.update(from: base, count: n) }
            return true
        }
        if done == nil {
            for u in units { pointer[i] = u; i += 1 }
        }
        count = n
    }
}
