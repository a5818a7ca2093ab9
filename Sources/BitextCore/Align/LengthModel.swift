/// Gale–Church-style length model: English length is about `ratio` × Chinese length, with a
/// variance growing with length. Both parameters come from the texts being aligned.
struct LengthModel {
    /// English characters per Chinese character.
    var ratio: Double
    /// Variance per character of the length difference.
    var variance: Double

    /// A model whose ratio is the texts' overall ratio and whose variance is a generic start value
    /// (`variance` × ratio; Gale and Church's 6.8 by default).
    init(zhLength: Int, enLength: Int, variance: Double = AlignerParameters().lengthVariance) {
        ratio = zhLength > 0 && enLength > 0 ? Double(enLength) / Double(zhLength) : 3
        self.variance = variance * ratio
    }

    /// How many standard deviations apart the lengths are.
    @inline(__always)
    func deviation(zh: Int, en: Int) -> Double {
        let expected = ratio * Double(zh)
        let scale = (expected + Double(en)) / 2 + 1
        return (Double(en) - expected) / (variance * scale / ratio).squareRoot()
    }

    /// Log-likelihood (up to a constant) of a bead's lengths: −δ²/2.
    @inline(__always)
    func logLikelihood(zh: Int, en: Int) -> Double {
        let d = deviation(zh: zh, en: en)
        return -0.5 * d * d
    }

    /// Re-estimates the variance from 1–1 beads (median of squared deviations, which is 0.455 × variance).
    mutating func refit(pairs: [(zh: Int, en: Int)]) {
        guard pairs.count >= 10 else { return }
        var squared = pairs.map { p -> Double in
            let d = deviation(zh: p.zh, en: p.en)
            return d * d * variance
        }
        squared.sort()
        let median = squared[squared.count / 2]
        if median > 0 { variance = max(ratio, median / 0.455) }
    }
}
