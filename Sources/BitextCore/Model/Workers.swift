import Foundation

/// Runs one job per worker state on its own thread and collects the results in order.
public enum Workers {
    /// The machine's cores.
    public static var cores: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// How many workers share `items` items: one per core, but one more only per `perWorker` items.
    static func count(for items: Int, perWorker: Int) -> Int {
        max(1, min(cores, items / perWorker + 1))
    }

    /// Worker `w`'s share of `items` items split evenly among `workers`.
    static func share(_ w: Int, of items: Int, among workers: Int) -> Range<Int> {
        (items * w / workers)..<(items * (w + 1) / workers)
    }

    /// Calls `job(w, states[w])` for every worker `w` concurrently. Each job must touch only its own
    /// state and read nothing that another job writes: that is what makes the unchecked sharing safe.
    static func run<State, Result>(_ states: [State], _ job: @escaping (Int, State) -> Result) -> [Result] {
        let shared = Shared(states: states, job: job)
        DispatchQueue.concurrentPerform(iterations: states.count) { w in shared.run(w) }
        return shared.collect()
    }

    /// The elements `transform(&state, i)` for i in 0..<count, worker w computing its share
    /// (`share(w, of: count, among: states.count)`) in order with `states[w]`, each element written
    /// in place into the one result array (no part arrays joined). Returns the states as the
    /// workers left them. Each worker must touch only its state and read nothing another writes.
    static func map<State, Element>(_ count: Int, states: [State],
                                    _ transform: @escaping (inout State, Int) -> Element) -> (elements: [Element], states: [State]) {
        guard count > 0 else { return ([], states) }
        var finalStates: [State] = []
        let elements = [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            let out = buffer.baseAddress!
            finalStates = run(states) { w, state in
                var state = state
                for i in share(w, of: count, among: states.count) { (out + i).initialize(to: transform(&state, i)) }
                return state
            }
            initialized = count
        }
        return (elements, finalStates)
    }

    private final class Shared<State, Result>: @unchecked Sendable {
        let states: [State]
        let job: (Int, State) -> Result
        let results: UnsafeMutablePointer<Result?>

        init(states: [State], job: @escaping (Int, State) -> Result) {
            self.states = states
            self.job = job
            results = .allocate(capacity: states.count)
            results.initialize(repeating: nil, count: states.count)
        }

        func run(_ w: Int) { results[w] = job(w, states[w]) }

        func collect() -> [Result] { (0..<states.count).map { results[$0]! } }

        deinit {
            results.deinitialize(count: states.count)
            results.deallocate()
        }
    }
}
