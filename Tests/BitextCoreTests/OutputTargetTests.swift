@testable import BitextCore
@testable import BitextFormats
import Foundation
import XCTest

/// The rules of `OutputTarget`: how each kind of path is written, on nodes made in a temp folder
/// (never the real /dev/null).
final class OutputTargetTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("bitext-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    private func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    private func write(_ text: String, to target: OutputTarget) throws {
        let out = try target.open()
        try out.write(text)
        try out.commit()
    }

    func testNewAndExistingRegularFilesAreReplacedAtomicallyKeepingTheirMode() throws {
        let file = path("out.txt")
        XCTAssertEqual(try OutputTarget(path: file).mode, .replace(file: file, existing: nil))
        try "old".write(toFile: file, atomically: false, encoding: .utf8)
        chmod(file, 0o640)
        let target = try OutputTarget(path: file)
        guard case .replace(_, let existing?) = target.mode else { return XCTFail("\(target.mode)") }
        XCTAssertEqual(existing.permissions, 0o640)
        try write("new", to: target)
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "new")
        var info = stat()
        stat(file, &info)
        XCTAssertEqual(info.st_mode & 0o7777, 0o640)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["out.txt"], "no temporary file left")
    }

    func testUncommittedOutputLeavesNothingAndTheOldFileUntouched() throws {
        let file = path("keep.txt")
        try "precious".write(toFile: file, atomically: false, encoding: .utf8)
        do {
            let out = try OutputTarget(path: file).open()
            try out.write("half")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).count, 2, "the temporary file exists while writing")
        }
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "precious")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["keep.txt"])
    }

    func testRemoveTemporaryFilesDeletesPendingOutputs() throws {
        let out = try OutputTarget(path: path("pending.txt")).open()
        try out.write("x")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).count, 1)
        OutputFile.removeTemporaryFiles()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
    }

    func testSymlinkIsFollowedAndStays() throws {
        let real = path("real.txt"), link = path("link.txt")
        try "old".write(toFile: real, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.txt")
        try write("new", to: OutputTarget(path: link))
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "real.txt")
        XCTAssertEqual(try String(contentsOfFile: real, encoding: .utf8), "new")
    }

    func testDanglingSymlinkCreatesItsTarget() throws {
        let link = path("dangling")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "made.txt")
        try write("made", to: OutputTarget(path: link))
        XCTAssertEqual(try String(contentsOfFile: path("made.txt"), encoding: .utf8), "made")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "made.txt")
    }

    func testFIFOIsWrittenThroughNotReplaced() throws {
        let fifo = path("fifo")
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        XCTAssertEqual(try OutputTarget(path: fifo).mode, .writeThrough(file: fifo))
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo]
        let pipe = Pipe()
        reader.standardOutput = pipe
        try reader.run()
        try write("through the pipe\n", to: OutputTarget(path: fifo))
        XCTAssertEqual(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self), "through the pipe\n")
        reader.waitUntilExit()
        var info = stat()
        lstat(fifo, &info)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "the FIFO is still a FIFO")
    }

    func testCharacterDeviceIsWrittenThrough() throws {
        guard geteuid() == 0 else { throw XCTSkip("mknod of a character device needs root") }
        let null = path("null")
        XCTAssertEqual(mknod(null, S_IFCHR | 0o666, dev_t((1 << 8) | 3)), 0)  // Linux device (major 1, minor 3)
        try write("discarded", to: OutputTarget(path: null))
        var info = stat()
        lstat(null, &info)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "the device node is not replaced by a file")
    }

    func testDescriptorPathsAreWrittenThrough() throws {
        for p in ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1", "/proc/123/fd/4"] {
            XCTAssertTrue(OutputTarget.namesDescriptor(p), p)
        }
        XCTAssertFalse(OutputTarget.namesDescriptor("/proc/self/status"))
        XCTAssertEqual(try OutputTarget(path: "/dev/fd/1").mode, .writeThrough(file: "/dev/fd/1"))
        XCTAssertEqual(try OutputTarget(path: "-").mode, .standardOutput)
        XCTAssertEqual(try OutputTarget(path: nil).mode, .standardOutput)
    }

    func testTheSameFileAsAnInputIsRefusedThroughLinksAndDotSlash() throws {
        let input = path("in.zh")
        try "伊斯兰国".write(toFile: input, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: path("alias"), withDestinationPath: "in.zh")
        for output in [input, dir.path + "/./in.zh", path("alias")] {
            XCTAssertThrowsError(try OutputTarget(path: output, inputs: [input])) { error in
                XCTAssertEqual(error as? BitextError, .wouldOverwriteInput(path: output, input: input))
            }
        }
        XCTAssertEqual(BitextError.wouldOverwriteInput(path: "a.zh", input: "a.zh").description,
                       "a.zh: error: would overwrite the input — choose another output")
        XCTAssertNoThrow(try OutputTarget(path: path("other"), inputs: [input]))
        XCTAssertEqual(try String(contentsOfFile: input, encoding: .utf8), "伊斯兰国")
    }

    func testTwoTargetsOfTheSameFile() throws {
        let a = try OutputTarget(path: path("x.txt")), b = try OutputTarget(path: dir.path + "/./x.txt")
        XCTAssertTrue(a.sameFile(as: a))
        try "x".write(toFile: path("x.txt"), atomically: false, encoding: .utf8)
        XCTAssertTrue(try OutputTarget(path: path("x.txt")).sameFile(as: OutputTarget(path: dir.path + "/./x.txt")))
        XCTAssertFalse(try OutputTarget(path: path("x.txt")).sameFile(as: OutputTarget(path: path("y.txt"))))
        _ = b
    }

    func testDirectoryAndMissingFolderAreErrors() {
        XCTAssertThrowsError(try OutputTarget(path: dir.path)) {
            XCTAssertEqual(($0 as? BitextError)?.description, "\(self.dir.path): error: cannot write the file: it is a directory")
        }
        let missing = path("no/such/out.txt")
        XCTAssertThrowsError(try OutputTarget(path: missing)) {
            XCTAssertEqual(($0 as? BitextError)?.description, "\(missing): error: cannot write the file: No such file or directory")
        }
    }

    func testReadOnlyFileFollowsTheShell() throws {
        let file = path("ro.txt")
        try "keep".write(toFile: file, atomically: false, encoding: .utf8)
        chmod(file, 0o444)
        if geteuid() == 0 {
            try write("root may", to: OutputTarget(path: file))  // as `echo > ro.txt` does for root
            XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "root may")
            var info = stat()
            stat(file, &info)
            XCTAssertEqual(info.st_mode & 0o7777, 0o444)
        } else {
            XCTAssertThrowsError(try OutputTarget(path: file)) {
                XCTAssertEqual(($0 as? BitextError)?.description, "\(file): error: cannot write the file: Permission denied")
            }
        }
    }
}
