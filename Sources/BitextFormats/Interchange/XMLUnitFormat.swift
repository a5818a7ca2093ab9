import BitextCore

/// A format of XML files read unit by unit (TMX `<tu>`, TBX `<termEntry>`): from bytes or streamed
/// from the file, the document never held as a tree. A conforming format says, in `each`, how one
/// document's units are found and made; reading from bytes, from a path and `forEach` follow.
protocol XMLUnitFormat: InterchangeFormat {
    /// The XML stream's callbacks: the root element, whether an element (by name, under the open
    /// elements) is a unit, each unit built whole; it returns the names seen outside units.
    typealias UnitStream = ((XMLTree.Element) throws(BitextError) -> Void, (String, [String]) -> Bool,
                        (XMLTree.Element) throws(BitextError) -> Void) throws(BitextError) -> Set<String>

    /// Reads the units that `stream` finds in the document named `source`, handing each to `body`.
    func each(source: String, stream: @escaping UnitStream, _ body: (Unit) throws(BitextError) -> Void) throws(BitextError)
}

extension XMLUnitFormat {
    public func read(_ bytes: [UInt8], source: String) throws(BitextError) -> [Unit] {
        var all: [Unit] = []
        try each(source: source, stream: { root, isUnit, unit throws(BitextError) in
            try XMLTree.stream(bytes, source: source, root: root, isUnit: isUnit, unit: unit)
        }, { all.append($0) })
        return all
    }

    /// Reads the file at `path`, streaming it from the disk.
    public func read(path: String) throws(BitextError) -> [Unit] {
        var all: [Unit] = []
        try forEach(path: path) { all.append($0) }
        return all
    }

    /// Calls `body` with each unit of the file at `path` as it is read: one unit in memory at a time.
    public func forEach(path: String, _ body: (Unit) throws(BitextError) -> Void) throws(BitextError) {
        try each(source: path, stream: { root, isUnit, unit throws(BitextError) in
            try XMLTree.stream(path: path, root: root, isUnit: isUnit, unit: unit)
        }, body)
    }
}
