internal import CICU

/// ICU's statistical charset detector.
public final class CharsetDetector {
    /// One candidate charset with ICU's confidence (0–100).
    public struct Match: Sendable, Equatable {
        public let name: String
        public let confidence: Int
    }

    private let handle: UnsafeMutableRawPointer

    /// Opens a detector.
    public init() throws(ICUError) {
        let h = try checked("ucsdet_open") { bitext_ucsdet_open($0) }
        guard let h else { throw ICUError(operation: "ucsdet_open", status: bitext_status_memory) }
        handle = h
    }

    deinit { bitext_ucsdet_close(handle) }

    /// All plausible charsets for `bytes`, most likely first.
    public func detectAll(_ bytes: [UInt8]) throws(ICUError) -> [Match] {
        // ICU keeps a pointer to the text until the next setText: keep the bytes alive across the whole call.
        try bytes.withUnsafeBufferPointer { (raw: UnsafeBufferPointer<UInt8>) throws(ICUError) -> [Match] in
            let p = UnsafeRawPointer(raw.baseAddress!).assumingMemoryBound(to: CChar.self)
            try checked("ucsdet_setText") { bitext_ucsdet_setText(handle, p, Int32(raw.count), $0) }
            let found = try checked("ucsdet_detectAll") { bitext_ucsdet_detectAll(handle, $0) }
            var result: [Match] = []
            for i in 0..<found {
                var confidence: Int32 = 0
                let name = try checked("ucsdet_getName") { bitext_ucsdet_match(handle, i, &confidence, $0) }
                if let name { result.append(Match(name: String(cString: name), confidence: Int(confidence))) }
            }
            return result
        }
    }
}
