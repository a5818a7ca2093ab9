import Foundation
import Synchronization

/// Runs one job per worker state on its own thread and collects the results in order. The jobs and
/// their states are `Sendable`: the compiler checks that workers share only what threads may share.
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

    /// `job(w, states[w])` for every worker `w`, run concurrently; the results in the workers' order.
    static func run<State: Sendable, Result: Sendable>(_ states: [State], _ job: @Sendable (Int, State) -> Result) -> [Result] {
        let results = Mutex<[Result?]>(Array(repeating: nil, count: states.count))
        DispatchQueue.concurrentPerform(iterations: states.count) { w in
            let result = job(w, states[w])
            results.withLock { $0[w] = result }
        }
        return results.withLock { $0.map { $0! } }
    }

    /// The elements `transform(&state, i)` for i in 0..<count, worker w computing its share
    /// (`share(w, of: count, among: states.count)`) in order with `states[w]`; and the states as
    /// the workers left them.
    static func map<State: Sendable, Element: Sendable>(_ count: Int, states: [State],
                                                        _ transform: @Sendable (inout State, Int) -> Element) -> (elements: [Element], states: [State]) {
        guard count > 0 else { return ([], states) }
        let workers = states.count
        let parts = run(states) { w, state in
            var state = state
            let part = share(w, of: count, among: workers).map { transform(&state, $0) }
            return (part, state)
        }
        return (joined(parts.map(\.0), count: count), parts.map(\.1))
    }

    /// The workers' parts, `count` elements in all, in one array sized once.
    static func joined<Element>(_ parts: [[Element]], count: Int) -> [Element] {
        var elements: [Element] = []
        elements.reserveCapacity(count)
        for part in parts { elements += part }
        return elements
    }
}
