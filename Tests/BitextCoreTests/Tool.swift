import Foundation

/// External programs some tests use (xmllint, jing, python3, chromium), found on PATH.
enum Tool {
    static func find(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Runs `path arguments…`; the exit status and what it printed (stdout and stderr together).
    static func run(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Whether python3 can import `module`.
    static func pythonHas(_ module: String) -> Bool {
        guard let python = find("python3"), let result = try? run(python, ["-c", "import \(module)"]) else { return false }
        return result.status == 0
    }
}
