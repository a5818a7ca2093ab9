@testable import BitextCore
import XCTest

final class WorkersTests: XCTestCase {
    func testJobsRunOnePerStateAndTheirResultsComeInOrder() {
        let results = Workers.run(Array(10..<15)) { w, state in "\(w):\(state)" }
        XCTAssertEqual(results, ["0:10", "1:11", "2:12", "3:13", "4:14"])
        XCTAssertEqual(Workers.run([Int]()) { _, state in state }, [])
    }

    func testMapDealsOutConsecutiveSharesAndReturnsEachWorkersState() {
        // Each worker counts what it read and remembers its first item: shares are consecutive and
        // cover every item once, whatever the number of workers.
        for workers in 1...4 {
            let (elements, states) = Workers.map(10, states: Array(repeating: (read: 0, first: -1), count: workers)) { state, i in
                if state.read == 0 { state.first = i }
                state.read += 1
                return i * i
            }
            XCTAssertEqual(elements, (0..<10).map { $0 * $0 }, "\(workers) workers")
            XCTAssertEqual(states.map(\.read).reduce(0, +), 10)
            XCTAssertEqual(states.map(\.first), (0..<workers).map { Workers.share($0, of: 10, among: workers).lowerBound })
        }
        XCTAssertEqual(Workers.map(0, states: [0, 0]) { _, i in i }.elements, [])
    }
}
