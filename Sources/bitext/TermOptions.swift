import ArgumentParser
import BitextCore
import BitextFormats

/// The glossaries `lookup` and `check` work from.
struct GlossaryOptions: ParsableArguments {
    @Option(name: .customLong("glossary"), help: ArgumentHelp(
        "A glossary (CSV, TSV, TBX, OmegaT, JSON Lines); repeatable, earlier ones win when two render a term differently.",
        valueName: "FILE"))
    var glossaries: [String] = []

    func validate() throws {
        if glossaries.isEmpty { throw ValidationError("give at least one --glossary FILE") }
    }

    /// The glossaries read as one, with a note on stderr for each term two of them render differently.
    func load() throws(BitextError) -> GlossarySet {
        let set = try GlossarySet(paths: glossaries, settings: FormatSettings(languages: .standard, notes: Notes.shared))
        for conflict in set.conflicts { StandardError.print("bitext: note: \(conflict)") }
        return set
    }
}
