import Foundation
import XCTest

final class HelpCommandTests: XCTestCase {
    /// Help is read at 80 columns (ArgumentParser wraps there when output is not a terminal): every
    /// example must stay one command per line, or continue with a shell backslash, never wrap.
    func testHelpExamplesDoNotWrapAt80Columns() throws {
        for command in ["", "align", "batch", "glossary", "wordalign", "lookup", "check", "convert", "split", "segment", "eval"] {
            let r = try CLI.run(command.isEmpty ? ["--help"] : ["help", command])
            XCTAssertEqual(r.status, 0, r.stderr)
            var inExample = false, examples = 0
            var previous = ""
            for line in r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
                if line.hasPrefix("Example") { inExample = true; continue }
                if line.hasPrefix("USAGE") || line.hasPrefix("ARGUMENTS") || line.hasPrefix("OPTIONS") { inExample = false }
                guard inExample, !line.isEmpty else { continue }
                let starts = line.hasPrefix("  ") && !line.hasPrefix("   ")
                XCTAssertTrue(starts || (previous.hasSuffix(" \\") && line.hasPrefix("    ")),
                              "bitext \(command) --help: an example wrapped: \(line)")
                XCTAssertLessThanOrEqual(line.count, 80, line)
                if starts && line.contains("bitext ") { examples += 1 }
                previous = line
            }
            if ["", "batch", "wordalign", "lookup", "check", "split"].contains(command) {
                XCTAssertGreaterThan(examples, 0, "bitext \(command) --help has examples")
            }
        }
    }
}
