import BitextCore
import BitextFormats
import Foundation

/// The edits file the alignment editor exports: a JSON list of `AlignmentEdit`s.
enum EditsFile {
    /// The edits in the file at `path`; a file that is not such a list is an error naming it.
    static func read(_ path: String) throws(BitextError) -> [AlignmentEdit] {
        let bytes = try DocumentReader.bytes(at: path)
        do {
            return try JSONDecoder().decode([AlignmentEdit].self, from: Data(bytes))
        } catch let DecodingError.dataCorrupted(context) {
            throw .unknownFormat(path: path, reason: "not the JSON list of edits the editor exports (\(context.debugDescription))")
        } catch {
            throw .unknownFormat(path: path, reason: "not the JSON list of edits the editor exports (\(error))")
        }
    }

    /// `alignment` with `edits` (read from `path`) applied; an edit that does not fit is an error
    /// naming the file and the edit.
    static func apply(_ edits: [AlignmentEdit], from path: String, to alignment: BitextCore.Alignment) throws(BitextError) -> BitextCore.Alignment {
        do throws(AlignmentEdit.Refusal) {
            return try alignment.applying(edits)
        } catch {
            throw .unknownFormat(path: path, reason: error.reason)
        }
    }
}
