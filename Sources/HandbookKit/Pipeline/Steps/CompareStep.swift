import Foundation
import HandbookMarkdown

/// Step 4, compare: the resolved handbook against the previous edition's record, when there is
/// one, for the changes page, the change marks and the rules' editions.
package enum CompareStep {
    static func run(
        _ handbook: inout ResolvedHandbook, previousPath: String?, inventory: ContentInventory
    ) -> [Diagnostic] {
        let (history, problems) = PreviousEdition.history(
            of: handbook, previousPath: previousPath, contentRoot: inventory.root, realContentRoot: inventory.realRoot)
        handbook.history = history
        return problems
    }
}

extension CompareStep {
    /// Compares with a record given as bytes (the fuzz target's), shown as being at `file`; with
    /// none, the handbook is a first edition.
    package static func run(_ handbook: inout ResolvedHandbook, record: Data?, file: SourceLocation) -> [Diagnostic] {
        guard let record else {
            handbook.history = EditionComparison.history(of: handbook)
            return []
        }
        let (history, problems) = PreviousEdition.history(
            of: handbook, record: record, file: file, location: file, shownPath: file.file)
        handbook.history = history
        return problems
    }
}
