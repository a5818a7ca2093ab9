import Foundation
import TestSupport
import XCTest

/// Output and input safety as a user meets it: outputs behave like the shell's `>` (devices, FIFOs,
/// links, read-only files and folders, the input itself), interrupted runs leave nothing, each
/// file's encoding, and wrong or swapped languages stop with a message.
final class SafetyCommandTests: XCTestCase {
    private let excerpt = CLI.sample("chinamil-post-isis-era.bilingual-excerpt.txt")

    /// A folder with the showcase page split into a.zh and a.en.
    private func splitExcerpt() throws -> URL {
        let dir = try CLI.temporaryDirectory(for: self)
        let r = try CLI.run(["split", excerpt, "--zh", "a.zh", "--en", "a.en"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        return dir
    }

    private func contents(_ dir: URL, _ name: String) throws -> String {
        try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
    }

    private func fileType(_ path: String) -> mode_t {
        var info = stat()
        lstat(path, &info)
        return info.st_mode & S_IFMT
    }

    func testCharacterDeviceIsWrittenThroughNotReplaced() throws {
        guard geteuid() == 0 else { throw XCTSkip("mknod of a character device needs root") }
        let dir = try splitExcerpt()
        let null = dir.appendingPathComponent("null").path
        XCTAssertEqual(mknod(null, S_IFCHR | 0o666, dev_t((1 << 8) | 3)), 0)  // Linux device (major 1, minor 3)
        let r = try CLI.run(["align", "a.zh", "a.en", "-o", "null"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(fileType(null), S_IFCHR, "the device node is still a device")
        let full = dir.appendingPathComponent("full").path
        XCTAssertEqual(mknod(full, S_IFCHR | 0o666, dev_t((1 << 8) | 7)), 0)  // Linux device (major 1, minor 7)
        let r2 = try CLI.run(["align", "a.zh", "a.en", "-o", "full"], in: dir)
        XCTAssertEqual(r2.status, 1)
        XCTAssertEqual(r2.stderr, "bitext: full: error: cannot write the file: No space left on device\n")
        XCTAssertEqual(fileType(full), S_IFCHR)
    }

    func testFIFOReaderGetsTheWholeOutput() throws {
        let dir = try splitExcerpt()
        let fifo = dir.appendingPathComponent("pipe").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let reader = Process()  // a reader at the other end, as `bitext … -o pipe & cat pipe` would have
        reader.executableURL = URL(fileURLWithPath: "/bin/sh")
        reader.arguments = ["-c", "cat pipe > received"]
        reader.currentDirectoryURL = dir
        try reader.run()
        let r = try CLI.run(["align", "a.zh", "a.en", "-o", "pipe"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        reader.waitUntilExit()
        let direct = try CLI.run(["align", "a.zh", "a.en"], in: dir)
        XCTAssertEqual(try contents(dir, "received"), direct.stdout)
        XCTAssertEqual(fileType(fifo), S_IFIFO)
    }

    func testSymlinkedOutputWritesItsTargetAndKeepsTheLinkAndMode() throws {
        let dir = try splitExcerpt()
        try "old\n".write(to: dir.appendingPathComponent("real.tsv"), atomically: false, encoding: .utf8)
        chmod(dir.appendingPathComponent("real.tsv").path, 0o640)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link.tsv").path, withDestinationPath: "real.tsv")
        let r = try CLI.run(["align", "a.zh", "a.en", "-o", "link.tsv"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: dir.appendingPathComponent("link.tsv").path), "real.tsv")
        XCTAssertTrue(try contents(dir, "real.tsv").hasPrefix("提前着眼应对"))
        var info = stat()
        stat(dir.appendingPathComponent("real.tsv").path, &info)
        XCTAssertEqual(info.st_mode & 0o7777, 0o640, "the replaced file keeps its permission bits")
    }

    func testOutputThatIsAnInputIsRefusedBeforeAnyWork() throws {
        let dir = try splitExcerpt()
        let before = try contents(dir, "a.zh")
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("alias").path, withDestinationPath: "a.en")
        let cases: [([String], String)] = [
            (["align", "a.zh", "a.en", "-o", "a.zh"], "bitext: a.zh: error: would overwrite the input — choose another output\n"),
            (["align", "a.zh", "a.en", "-o", "./a.en"], "bitext: ./a.en: error: would overwrite the input a.en (the same file) — choose another output\n"),
            (["glossary", "a.zh", "a.en", "-o", "alias"], "bitext: alias: error: would overwrite the input a.en (the same file) — choose another output\n"),
            (["segment", "a.zh", "-o", "a.zh"], "bitext: a.zh: error: would overwrite the input — choose another output\n"),
            (["split", "a.zh", "--zh", "./a.zh", "--en", "x.en"], "bitext: ./a.zh: error: would overwrite the input a.zh (the same file) — choose another output\n"),
            (["convert", "a.zh", "a.zh", "--from", "tsv", "--to", "tsv"], "bitext: a.zh: error: would overwrite the input — choose another output\n"),
        ]
        for (arguments, message) in cases {
            let r = try CLI.run(arguments, in: dir)
            XCTAssertEqual(r.status, 1, arguments.joined(separator: " "))
            XCTAssertEqual(r.stderr, message)
        }
        XCTAssertEqual(try contents(dir, "a.zh"), before)
        XCTAssertEqual(try CLI.files(in: dir), ["a.en", "a.zh", "alias"])
    }

    func testSplitRefusesOneFileForBothSides() throws {
        let dir = try CLI.temporaryDirectory(for: self)
        try "x".write(to: dir.appendingPathComponent("both.txt"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("other").path, withDestinationPath: "both.txt")
        let r = try CLI.run(["split", excerpt, "--zh", "both.txt", "--en", "other"], in: dir)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, "bitext: other: error: cannot write the file: --zh and --en name the same file — give two files\n")
    }

    func testStandardOutputAndDescriptorPaths() throws {
        let dir = try splitExcerpt()
        let expected = try CLI.run(["align", "a.zh", "a.en"], in: dir).stdout
        for path in ["-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"] {
            let r = try CLI.run(["align", "a.zh", "a.en", "-o", path], in: dir)
            XCTAssertEqual(r.status, 0, "\(path): \(r.stderr)")
            XCTAssertEqual(r.stdout, expected, path)
        }
        XCTAssertEqual(try CLI.files(in: dir), ["a.en", "a.zh"])
    }

    func testInterruptRemovesTheTemporaryFile() throws {
        let dir = try splitExcerpt()
        // A long input (the page repeated) keeps the aligner busy while the signal arrives.
        for side in ["zh", "en"] {
            let lines = try contents(dir, "a.\(side)")
            try String(repeating: lines, count: 1500).write(to: dir.appendingPathComponent("big.\(side)"), atomically: false, encoding: .utf8)
        }
        for (signal, status) in [(SIGTERM, Int32(143)), (SIGINT, Int32(130))] {
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = ["align", "big.zh", "big.en", "--presegmented", "-o", "out.tsv"]
            process.currentDirectoryURL = dir
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(20)
            while try !CLI.files(in: dir).contains(where: { $0.hasSuffix(".tmp") }) && Date() < deadline && process.isRunning { usleep(5_000) }
            XCTAssertTrue(process.isRunning, "the run is still going when the signal is sent")
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, status)
            XCTAssertEqual(try CLI.files(in: dir), ["a.en", "a.zh", "big.en", "big.zh"], "no output and no temporary file")
        }
    }

    // MARK: - as an unprivileged user

    /// A copy of the executable (and its resources) that `nobody` may run, in a folder it may enter.
    private func unprivilegedSetup() throws -> (dir: URL, run: ([String]) throws -> CLI.Result) {
        guard geteuid() == 0, let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first(where: FileManager.default.isExecutableFile) else {
            throw XCTSkip("needs root and setpriv to run as nobody")
        }
        let dir = try splitExcerpt()
        chmod(dir.path, 0o777)
        let bin = dir.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let built = CLI.executable.deletingLastPathComponent()
        try FileManager.default.copyItem(at: CLI.executable, to: bin.appendingPathComponent("bitext"))
        try FileManager.default.copyItem(at: built.appendingPathComponent("bitext_BitextCore.resources"),
                                         to: bin.appendingPathComponent("bitext_BitextCore.resources"))
        _ = try Tool.run("/bin/chmod", ["-R", "a+rX", bin.path, dir.appendingPathComponent("a.zh").path, dir.appendingPathComponent("a.en").path])
        let run: ([String]) throws -> CLI.Result = { arguments in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: setpriv)
            process.arguments = ["--reuid=nobody", "--regid=nogroup", "--clear-groups", bin.appendingPathComponent("bitext").path] + arguments
            process.currentDirectoryURL = dir
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let e = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return CLI.Result(status: process.terminationStatus, stdout: "", stderr: String(decoding: e, as: UTF8.self))
        }
        return (dir, run)
    }

    func testReadOnlyFileIsRefusedForAnOrdinaryUserAndWrittenByRoot() throws {
        let (dir, asNobody) = try unprivilegedSetup()
        let file = dir.appendingPathComponent("ro.tsv")
        try "keep\n".write(to: file, atomically: false, encoding: .utf8)
        chmod(file.path, 0o444)
        chown(file.path, 65534, 65534)
        let r = try asNobody(["align", "a.zh", "a.en", "-o", "ro.tsv"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, "bitext: ro.tsv: error: cannot write the file: Permission denied\n")
        XCTAssertEqual(try contents(dir, "ro.tsv"), "keep\n")
        var info = stat()
        stat(file.path, &info)
        XCTAssertEqual(info.st_mode & 0o7777, 0o444)
        // Root may write a 444 file, as `>` lets it; the mode stays.
        let asRoot = try CLI.run(["align", "a.zh", "a.en", "-o", "ro.tsv"], in: dir)
        XCTAssertEqual(asRoot.status, 0, asRoot.stderr)
        XCTAssertTrue(try contents(dir, "ro.tsv").hasPrefix("提前着眼应对"))
        stat(file.path, &info)
        XCTAssertEqual(info.st_mode & 0o7777, 0o444)
    }

    func testReadOnlyFolder() throws {
        let (dir, asNobody) = try unprivilegedSetup()
        let folder = dir.appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "old\n".write(to: folder.appendingPathComponent("mine.tsv"), atomically: false, encoding: .utf8)
        chown(folder.appendingPathComponent("mine.tsv").path, 65534, 65534)
        chmod(folder.path, 0o555)
        let new = try asNobody(["align", "a.zh", "a.en", "-o", "ro/new.tsv"])
        XCTAssertEqual(new.status, 1)
        XCTAssertEqual(new.stderr, "bitext: ro/new.tsv: error: cannot write the file: Permission denied\n")
        // A file the user may write in a folder they may not: rewritten in place, as `>` would.
        let mine = try asNobody(["align", "a.zh", "a.en", "-o", "ro/mine.tsv"])
        XCTAssertEqual(mine.status, 0, mine.stderr)
        XCTAssertTrue(try contents(folder, "mine.tsv").hasPrefix("提前着眼应对"))
        XCTAssertEqual(try CLI.files(in: folder), ["mine.tsv"])
    }

    // MARK: - encodings

    func testEachFileItsOwnEncoding() throws {
        let dir = try splitExcerpt()
        let iconv = try Tool.run("/usr/bin/iconv", ["-f", "UTF-8", "-t", "GB18030", "-o", "gb.zh", "a.zh"], in: dir)
        XCTAssertEqual(iconv.status, 0, iconv.output)
        // The English side in UTF-8 with a non-ASCII character (an ASCII file reads alike in both).
        try (try contents(dir, "a.en") + "It was a defeat — or not.\n").write(to: dir.appendingPathComponent("u.en"), atomically: false, encoding: .utf8)
        let both = try CLI.run(["align", "gb.zh", "u.en", "--encoding", "GB18030"], in: dir)
        XCTAssertEqual(both.status, 1)
        XCTAssertEqual(both.stderr, "bitext: u.en: error: this file is UTF-8, not GB18030 as the encoding option says — name the right encoding (--encoding; --zh-encoding and --en-encoding for two files), or leave it out to detect it\n")
        let own = try CLI.run(["align", "gb.zh", "u.en", "--zh-encoding", "GB18030"], in: dir)
        XCTAssertEqual(own.status, 0, own.stderr)
        XCTAssertEqual(own.stdout, try CLI.run(["align", "a.zh", "u.en"], in: dir).stdout.replacingOccurrences(of: "a.zh:", with: "gb.zh:"))
        XCTAssertTrue(own.stdout.contains("defeat — or not."))
        let oneFile = try CLI.run(["segment", "a.zh", "--zh-encoding", "GB18030"], in: dir)
        XCTAssertEqual(oneFile.status, 64, "segment has no --zh-encoding")
    }

    func testUTF16WithoutByteOrderMarkGetsAHint() throws {
        let dir = try splitExcerpt()
        try XCTUnwrap(try contents(dir, "a.en").data(using: .utf16LittleEndian)).write(to: dir.appendingPathComponent("le.en"))
        let r = try CLI.run(["segment", "le.en"], in: dir)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, "bitext: le.en: error: looks like UTF-16LE without a byte-order mark — pass --encoding UTF-16LE\n")
        let named = try CLI.run(["segment", "le.en", "--encoding", "UTF-16LE"], in: dir)
        XCTAssertEqual(named.status, 0, named.stderr)
        XCTAssertTrue(named.stdout.hasPrefix("International community should prepare for \"Post-ISIS Era\"\n"))
        let wrong = try CLI.run(["align", "a.zh", "a.en", "--encoding", "UTF-16LE"], in: dir)
        XCTAssertEqual(wrong.status, 1)
        XCTAssertTrue(wrong.stderr.hasPrefix("bitext: a.zh: error: this file is UTF-8, not UTF-16LE"), wrong.stderr)
    }

    // MARK: - languages

    func testSwappedAndWrongLanguageFiles() throws {
        let dir = try splitExcerpt()
        let voa = CLI.sample("voa-islamic-state-recruits-china.txt")
        let swapped = try CLI.run(["align", "a.en", "a.zh"], in: dir)
        XCTAssertEqual(swapped.status, 1)
        XCTAssertEqual(swapped.stderr, "bitext: error: the files look swapped: a.en is English and a.zh is Chinese — give the Chinese file first\n")
        let glossary = try CLI.run(["glossary", "a.en", "a.zh", "-o", "g.csv"], in: dir)
        XCTAssertEqual(glossary.status, 1)
        XCTAssertEqual(glossary.stderr, swapped.stderr)
        let english = try CLI.run(["align", voa, "a.en"], in: dir)
        XCTAssertEqual(english.status, 1)
        XCTAssertTrue(english.stderr.hasPrefix("bitext: \(voa): error: this should be the Chinese text, but it has 0 Han characters against "), english.stderr)
        let chinese = try CLI.run(["align", "a.zh", "a.zh", "-o", "x.tsv"], in: dir)
        XCTAssertEqual(chinese.status, 1)
        XCTAssertTrue(chinese.stderr.hasPrefix("bitext: a.zh: error: this should be the English text, but it is mostly Chinese ("), chinese.stderr)
        XCTAssertEqual(try CLI.files(in: dir), ["a.en", "a.zh"])
    }

    func testPageWithoutChineseParagraphs() throws {
        let dir = try CLI.temporaryDirectory(for: self)
        let voa = CLI.sample("voa-islamic-state-recruits-china.txt")
        let message = "bitext: \(voa): error: no Chinese paragraphs in this file — give a page with both languages, or the Chinese and the English file\n"
        for arguments in [["align", voa], ["glossary", voa], ["split", voa, "--zh", "v.zh", "--en", "v.en"]] {
            let r = try CLI.run(arguments, in: dir)
            XCTAssertEqual(r.status, 1, arguments[0])
            XCTAssertEqual(r.stderr, message)
        }
        XCTAssertEqual(try CLI.files(in: dir), [])
        let allowed = try CLI.run(["split", voa, "--zh", "v.zh", "--en", "v.en", "--allow-empty"], in: dir)
        XCTAssertEqual(allowed.status, 0, allowed.stderr)
        XCTAssertEqual(try contents(dir, "v.zh"), "")
    }

    func testChineseTextQuotingEnglishNamesIsChinese() throws {
        let dir = try CLI.temporaryDirectory(for: self)
        try "他读过Stephen King的《The Shining》和Neil Gaiman的《American Gods》。\n".write(
            to: dir.appendingPathComponent("q.zh"), atomically: false, encoding: .utf8)
        try "He had read Stephen King's The Shining and Neil Gaiman's American Gods.\n".write(
            to: dir.appendingPathComponent("q.en"), atomically: false, encoding: .utf8)
        let r = try CLI.run(["align", "q.zh", "q.en", "--format", "beads"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "[0]:[0]\n")
    }
}
