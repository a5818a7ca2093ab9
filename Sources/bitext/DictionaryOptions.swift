import ArgumentParser
import Foundation
import BitextCore
import BitextFormats

/// Dictionary options shared by the commands that align.
struct DictionaryOptions: ParsableArguments {
    @Option(name: .customLong("dict"), help: ArgumentHelp(
        "A dictionary to use as well (CC-CEDICT format, or a zh,en CSV/TSV glossary); repeatable.", valueName: "FILE"))
    var dictionaries: [String] = []

    @Flag(help: "Do not use the embedded CC-CEDICT dictionary.")
    var noDefaultDict = false

    /// The embedded dictionary, through its image in the cache folder the environment names
    /// (`$BITEXT_CACHE_DIR`, `$XDG_CACHE_HOME/bitext`, `~/.cache/bitext`).
    static func embedded() throws(BitextError) -> BilingualDictionary {
        try BilingualDictionary.embedded(cacheFolder: BilingualDictionary.cacheFolder(
            environment: ProcessInfo.processInfo.environment, home: NSHomeDirectory()))
    }

    /// The embedded dictionary (unless disabled) with every --dict file added.
    func load() throws(BitextError) -> BilingualDictionary {
        var dictionary = noDefaultDict ? BilingualDictionary() : try Self.embedded()
        for path in dictionaries { try DictionaryFile.load(path, into: &dictionary, settings: FormatSettings(languages: .standard, notes: Notes.shared)) }
        return dictionary
    }
}
