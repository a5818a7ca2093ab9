import Foundation

/// External programs some tests use (xmllint, jing, python3, chromium), found on PATH.
public enum Tool {
    public static func find(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Runs `path arguments…` (in `directory`, if given); the exit status and what it printed
    /// (stdout and stderr together).
    public static func run(_ path: String, _ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// python3, if it can import `module`.
    public static func python(with module: String) -> String? {
        guard let python = find("python3"), let result = try? run(python, ["-c", "import \(module)"]), result.status == 0 else { return nil }
        return python
    }
}
