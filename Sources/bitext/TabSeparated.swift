/// Tab-separated output.
enum TabSeparated {
    /// A TSV cell: tabs and line breaks inside the text become spaces.
    static func cell(_ text: String) -> String {
        String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }
}
