import ArgumentParser
import BitextCore
import BitextFormats

/// Dictionary options shared by the commands that align.
struct DictionaryOptions: ParsableArguments {
    @Option(name: .customLong("dict"), help: ArgumentHelp(
        "A dictionary to use as well (CC-CEDICT format, or a zh,en CSV/TSV glossary); repeatable.", valueName: "FILE"))
    var dictionaries: [String] = []

    @Flag(help: "Do not use the embedded CC-CEDICT dictionary.")
    var noDefaultDict = false

    /// The embedded dictionary (unless disabled) with every --dict file added.
    func load() throws(BitextError) -> BilingualDictionary {
        let dictionary = noDefaultDict ? BilingualDictionary() : try BilingualDictionary.embedded()
        for path in dictionaries { try DictionaryFile.load(path, into: dictionary, settings: FormatSettings(languages: .standard, notes: Notes.shared)) }
        return dictionary
    }
}
