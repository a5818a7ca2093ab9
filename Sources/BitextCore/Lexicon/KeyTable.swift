/// A hash map from 64-bit keys that are already well mixed (HanKey values) to Int32, with open
/// addressing: much faster than `Dictionary`, which runs every key through SipHash. Its storage
/// can be read in place from the dictionary image (`FlatArray`).
struct KeyTable {
    private var keys: FlatArray<UInt64>
    private var values: FlatArray<Int32>
    /// 1 where a slot holds a key.
    private var used: FlatArray<UInt8>
    private(set) var count = 0
    private var mask: Int

    /// An empty table with room for about `capacity` keys before growing.
    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = FlatArray(repeating: 0, count: size)
        values = FlatArray(repeating: 0, count: size)
        used = FlatArray(repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        var i = Int(truncatingIfNeeded: (key ^ (key >> 29)) &* 0xbf58_476d_1ce4_e5b9 >> 32) & mask
        while used[i] != 0 && keys[i] != key { i = (i + 1) & mask }
        return i
    }

    /// The value for `key`, if any.
    subscript(key: UInt64) -> Int32? {
        get {
            let i = slot(key)
            return used[i] != 0 ? values[i] : nil
        }
        set {
            guard let newValue else { preconditionFailure("KeyTable does not remove keys") }
            let i = slot(key)
            if used[i] == 0 {
                if (count + 1) * 2 > keys.count {
                    grow()
                    self[key] = newValue
                    return
                }
                used[i] = 1
                keys[i] = key
                count += 1
            }
            values[i] = newValue
        }
    }

    private mutating func grow() {
        let old = (keys, values, used)
        self = KeyTable(capacity: keys.count)
        for i in old.0.indices where old.2[i] != 0 { self[old.0[i]] = old.1[i] }
    }

    /// Removes every key.
    mutating func removeAll() { self = KeyTable() }

    /// The table's storage, for `DictionaryImage`.
    var parts: (keys: FlatArray<UInt64>, values: FlatArray<Int32>, used: FlatArray<UInt8>) { (keys, values, used) }

    /// A table from the storage of another (`parts`); nil unless it is one: the same power-of-two
    /// size for all three, at most half full.
    init?(keys: FlatArray<UInt64>, values: FlatArray<Int32>, used: FlatArray<UInt8>) {
        let size = keys.count
        guard size >= 16, size & (size - 1) == 0, values.count == size, used.count == size else { return nil }
        let count = used.withUnsafeBufferPointer { $0.reduce(0) { $0 + ($1 == 0 ? 0 : 1) } }
        guard count * 2 <= size else { return nil }
        self.keys = keys
        self.values = values
        self.used = used
        self.count = count
        mask = size - 1
    }

    /// Whether every stored value satisfies `isValid`.
    func allValues(_ isValid: (Int32) -> Bool) -> Bool {
        values.indices.allSatisfy { used[$0] == 0 || isValid(values[$0]) }
    }
}
