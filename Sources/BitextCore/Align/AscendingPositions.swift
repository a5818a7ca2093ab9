extension Array where Element == Int {
    /// In this ascending array, the positions holding a value inside `window`, found by bisection
    /// (a run, as the values never decrease).
    func positions(ofValuesIn window: ClosedRange<Int>) -> Range<Int> {
        func firstPosition(atLeast bound: Int) -> Int {
            var (lo, hi) = (0, count)
            while lo < hi {
                let mid = (lo + hi) / 2
                if self[mid] < bound { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        return firstPosition(atLeast: window.lowerBound)..<firstPosition(atLeast: window.upperBound + 1)
    }
}
