import Foundation

/// Where a command's output goes: standard output, or a file written atomically (a temporary file
/// beside the target, renamed over it on `commit()`; removed if never committed), so that an
/// error never leaves a half-written output behind.
public final class OutputFile {
    private let path: String?
    private let temporaryPath: String?
    private var handle: UnsafeMutablePointer<FILE>?
    private var committed = false

    /// Output to `path`, or to standard output when `path` is nil or "-".
    public init(path: String?) throws(BitextError) {
        guard let path, path != "-" else {
            self.path = nil
            temporaryPath = nil
            handle = fdopen(dup(STDOUT_FILENO), "wb")
            return
        }
        let url = URL(fileURLWithPath: path)
        let tmp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp").path
        guard let f = fopen(tmp, "wb") else {
            throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        self.path = path
        temporaryPath = tmp
        handle = f
    }

    deinit {
        if let h = handle { fclose(h) }
        if !committed, let tmp = temporaryPath { unlink(tmp) }
    }

    /// Appends `text` as UTF-8.
    public func write(_ text: String) throws(BitextError) {
        var text = text
        let ok = text.withUTF8 { buf in
            buf.isEmpty || fwrite(buf.baseAddress, 1, buf.count, handle) == buf.count
        }
        if !ok { throw .cannotWrite(path: path ?? "-", reason: String(cString: strerror(errno))) }
    }

    /// Appends raw bytes.
    public func write(bytes: [UInt8]) throws(BitextError) {
        let ok = bytes.withUnsafeBufferPointer { buf in
            buf.isEmpty || fwrite(buf.baseAddress, 1, buf.count, handle) == buf.count
        }
        if !ok { throw .cannotWrite(path: path ?? "-", reason: String(cString: strerror(errno))) }
    }

    /// Finishes the output: flushes standard output, or closes the temporary file and renames it into place.
    public func commit() throws(BitextError) {
        guard let path, let tmp = temporaryPath, let h = handle else {
            if let h = handle { fclose(h) }
            handle = nil
            committed = true
            return
        }
        handle = nil
        if fclose(h) != 0 {
            unlink(tmp)
            throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        if rename(tmp, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(tmp)
            throw .cannotWrite(path: path, reason: reason)
        }
        committed = true
    }
}
