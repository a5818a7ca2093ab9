import BitextCore
import Foundation
import Synchronization

/// Where a command's output goes, decided before any work as the shell and coreutils would:
///
/// | target | how it is written |
/// |---|---|
/// | nil or `-` | standard output |
/// | a new path, or an existing regular file | atomically: a temporary file beside it, renamed over it; the old file's permission bits and owner are kept |
/// | a symbolic link | its target, by the same rules; the link stays |
/// | a character device, FIFO or socket; `/dev/fd/N`, `/proc/self/fd/N`, `/dev/stdout` | written through (opened and written), never replaced |
/// | a file or folder the user may not write | an error, "Permission denied", nothing changed |
/// | the same file as one of the inputs | an error before any work: it would overwrite the input |
public struct OutputTarget: Sendable, Equatable {
    /// How the bytes reach the target.
    enum Mode: Sendable, Equatable {
        /// Standard output.
        case standardOutput
        /// A temporary file in `directory` renamed over `file` (which may not exist yet).
        case replace(file: String, existing: FileIdentity?)
        /// A temporary file elsewhere, copied into `file` on commit: the file is writable but its folder is not.
        case rewriteInPlace(file: String)
        /// Opened and written directly: a device, FIFO, socket or file descriptor path.
        case writeThrough(file: String)
    }

    /// The path as the user gave it (named in messages), or "-".
    public let path: String
    let mode: Mode

    /// Decides how `path` is written (nil or "-" is standard output) and refuses, before any work,
    /// a target that cannot be written or that is the same file as one of `inputs`.
    public init(path: String?, inputs: [String] = []) throws(BitextError) {
        guard let path, path != "-" else {
            self.path = "-"
            mode = .standardOutput
            return
        }
        self.path = path
        mode = try Self.mode(for: path)
        let written: FileIdentity?
        switch mode {
        case let .replace(_, existing): written = existing
        case let .rewriteInPlace(file): written = FileIdentity(path: file)
        case .standardOutput, .writeThrough: written = nil  // devices and pipes are read and written without loss
        }
        if let written {
            for input in inputs where input != "-" && FileIdentity(path: input) == written {
                throw .wouldOverwriteInput(path: path, input: input)
            }
        }
    }

    /// Whether two targets write the same file (so two outputs of one command must not both name it).
    public func sameFile(as other: OutputTarget) -> Bool {
        guard let a = writtenFile, let b = other.writtenFile else { return false }
        if a == b { return true }
        guard let ia = FileIdentity(path: a), let ib = FileIdentity(path: b) else { return false }
        return ia == ib
    }

    private var writtenFile: String? {
        switch mode {
        case .standardOutput: nil
        case let .replace(file, _), let .rewriteInPlace(file), let .writeThrough(file): file
        }
    }

    /// Opens the output: the temporary file, the device, or standard output.
    public func open() throws(BitextError) -> OutputFile {
        try OutputFile(target: self)
    }

    /// Paths that name an open file descriptor: written through even when they lead to a regular file,
    /// since the shell holds that file open.
    static func namesDescriptor(_ path: String) -> Bool {
        ["/dev/stdout", "/dev/stderr"].contains(path) || path.hasPrefix("/dev/fd/")
            || (path.hasPrefix("/proc/") && path.split(separator: "/").dropLast().last == "fd")
    }

    private static func mode(for path: String) throws(BitextError) -> Mode {
        if namesDescriptor(path) { return .writeThrough(file: path) }
        let file = try resolveLinks(path)
        var info = stat()
        guard lstat(file, &info) == 0 else {
            guard errno == ENOENT else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
            try checkFolder(of: file, for: path)
            return .replace(file: file, existing: nil)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            guard access(file, W_OK) == 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
            if access(folder(of: file), W_OK | X_OK) != 0 { return .rewriteInPlace(file: file) }
            return .replace(file: file, existing: FileIdentity(info))
        case S_IFDIR:
            throw .cannotWrite(path: path, reason: "it is a directory")
        default:
            return .writeThrough(file: file)
        }
    }

    /// The file a chain of symbolic links leads to (which may not exist yet); `path` itself when it is no link.
    static func resolveLinks(_ path: String) throws(BitextError) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
            let target = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = target.hasPrefix("/") ? target : join(folder(of: current), target)
        }
        throw .cannotWrite(path: path, reason: "too many levels of symbolic links")
    }

    /// The folder part of `file` ("." for a bare name). Plain string work: Foundation's
    /// `deletingLastPathComponent` traps on one-character names on Linux.
    static func folder(of file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return "." }
        return slash == file.startIndex ? "/" : String(file[..<slash])
    }

    /// The last part of `file`.
    static func name(of file: String) -> String {
        file.lastIndex(of: "/").map { String(file[file.index(after: $0)...]) } ?? file
    }

    /// `name` inside `folder`.
    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    private static func checkFolder(of file: String, for path: String) throws(BitextError) {
        let dir = folder(of: file)
        var info = stat()
        guard stat(dir, &info) == 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw .cannotWrite(path: path, reason: "\(dir) is not a directory") }
        guard access(dir, W_OK | X_OK) == 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    }
}

/// A file's device and inode (and what a replacement must keep: mode and owner).
struct FileIdentity: Sendable, Equatable {
    let device: UInt64
    let inode: UInt64
    let permissions: mode_t
    let owner: uid_t
    let group: gid_t

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        permissions = info.st_mode & 0o7777
        owner = info.st_uid
        group = info.st_gid
    }

    /// The identity of the regular file `path` leads to (symbolic links followed), or nil.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        self.init(info)
    }

    static func == (a: FileIdentity, b: FileIdentity) -> Bool { a.device == b.device && a.inode == b.inode }
}

/// An open output: bytes go to standard output, a device, or a temporary file that `commit()` puts
/// in place (and that is removed if never committed, or by `OutputFile.removeTemporaryFiles()` when
/// the process is interrupted).
public final class OutputFile {
    private let target: OutputTarget
    private let temporaryPath: String?
    private var handle: UnsafeMutablePointer<FILE>?
    private var committed = false

    /// The output's path as the user gave it ("-" for standard output), for messages.
    public var path: String { target.path }

    /// Temporary files not yet committed, for removal on SIGINT/SIGTERM.
    private static let pending = Mutex<Set<String>>([])

    /// Output to `path`, or to standard output when `path` is nil or "-" (see `OutputTarget`).
    public convenience init(path: String?, inputs: [String] = []) throws(BitextError) {
        try self.init(target: OutputTarget(path: path, inputs: inputs))
    }

    init(target: OutputTarget) throws(BitextError) {
        self.target = target
        switch target.mode {
        case .standardOutput:
            temporaryPath = nil
            handle = fdopen(dup(STDOUT_FILENO), "wb")
        case let .writeThrough(file):
            temporaryPath = nil
            let fd = Glibc.open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
            guard fd >= 0 else { throw .cannotWrite(path: target.path, reason: String(cString: strerror(errno))) }
            handle = fdopen(fd, "wb")
        case let .replace(file, existing):
            let tmp = OutputTarget.join(OutputTarget.folder(of: file),
                                        ".\(OutputTarget.name(of: file)).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
            handle = try Self.createTemporary(tmp, for: target.path)
            temporaryPath = tmp
            if let existing, let h = handle {
                // Keep the replaced file's mode and, where we may, its owner (as an editor saving it would).
                fchmod(fileno(h), existing.permissions)
                if existing.owner != geteuid() || existing.group != getegid() { _ = fchown(fileno(h), existing.owner, existing.group) }
            }
        case .rewriteInPlace:
            let tmp = OutputTarget.join(NSTemporaryDirectory(), "bitext.\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
            handle = try Self.createTemporary(tmp, for: target.path)
            temporaryPath = tmp
        }
    }

    private static func createTemporary(_ tmp: String, for path: String) throws(BitextError) -> UnsafeMutablePointer<FILE>? {
        pending.withLock { _ = $0.insert(tmp) }
        let fd = Glibc.open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            pending.withLock { _ = $0.remove(tmp) }
            throw .cannotWrite(path: path, reason: reason)
        }
        return fdopen(fd, "wb")
    }

    deinit {
        if let h = handle { fclose(h) }
        if !committed, let tmp = temporaryPath { Self.discard(tmp) }
    }

    private static func discard(_ tmp: String) {
        unlink(tmp)
        pending.withLock { _ = $0.remove(tmp) }
    }

    /// Removes every temporary file not yet committed (for a signal handler before the process exits).
    public static func removeTemporaryFiles() {
        pending.withLock { paths in
            for p in paths { unlink(p) }
            paths.removeAll()
        }
    }

    /// Appends `text` as UTF-8.
    public func write(_ text: String) throws(BitextError) {
        var text = text
        let ok = text.withUTF8 { buf in
            buf.isEmpty || fwrite(buf.baseAddress, 1, buf.count, handle) == buf.count
        }
        if !ok { throw .cannotWrite(path: target.path, reason: String(cString: strerror(errno))) }
    }

    /// Appends raw bytes.
    public func write(bytes: [UInt8]) throws(BitextError) {
        let ok = bytes.withUnsafeBufferPointer { buf in
            buf.isEmpty || fwrite(buf.baseAddress, 1, buf.count, handle) == buf.count
        }
        if !ok { throw .cannotWrite(path: target.path, reason: String(cString: strerror(errno))) }
    }

    /// Finishes the output: flushes it, and puts a temporary file in place.
    public func commit() throws(BitextError) {
        guard let h = handle else { return }
        handle = nil
        let closed = fclose(h) == 0
        let reason = String(cString: strerror(errno))
        guard let tmp = temporaryPath else {
            committed = true
            if !closed { throw .cannotWrite(path: target.path, reason: reason) }
            return
        }
        defer { Self.discard(tmp) }
        guard closed else { throw .cannotWrite(path: target.path, reason: reason) }
        switch target.mode {
        case let .replace(file, _):
            guard rename(tmp, file) == 0 else { throw .cannotWrite(path: target.path, reason: String(cString: strerror(errno))) }
        case let .rewriteInPlace(file):
            try Self.copy(tmp, into: file, path: target.path)
        case .standardOutput, .writeThrough:
            break
        }
        committed = true
    }

    /// Copies the finished temporary file into `file` (truncated first).
    private static func copy(_ tmp: String, into file: String, path: String) throws(BitextError) {
        guard let data = FileManager.default.contents(atPath: tmp) else { throw .cannotWrite(path: path, reason: "temporary file lost") }
        let fd = Glibc.open(file, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        let ok = data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
        if !ok { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    }
}
