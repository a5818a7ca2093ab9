import Foundation

/// Runs one job per worker state on its own thread and collects the results in order.
enum Workers {
    /// The machine's cores.
    static var cores: Int { ProcessInfo.processInfo.activeProcessorCount }

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
