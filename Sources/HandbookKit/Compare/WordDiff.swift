/// The difference between two texts, word by word, as runs of words kept, removed and
/// inserted. Within each changed stretch the words removed come before the words inserted, so
/// it reads as "old words, then new words".
enum WordDiff {
    enum Kind: String, Sendable, Hashable {
        case same
        case removed
        case inserted
    }

    struct Run: Sendable, Hashable {
        var kind: Kind
        var text: String
    }

    /// Past this many words (or a tip list's tips) removed and inserted, the changed stretch is
    /// shown as all removed, then all inserted: a reader cannot follow so many changes one by
    /// one, and finding the fewest takes time and memory that grow with the square of them.
    static let maximumEdits = 1000

    static func runs(from old: String, to new: String) -> [Run] {
        let before = old.split(separator: " ").map(String.init)
        let after = new.split(separator: " ").map(String.init)
        // Words are appended to the last piece in place: building each anew made a long stretch
        // cost the square of its words.
        var pieces: [Piece] = []
        for (kind, word) in script(from: before, to: after) {
            switch kind {
            case .same:
                if pieces.last?.isChange == false { pieces[pieces.count - 1].kept.append(word) } else { pieces.append(Piece(isChange: false, kept: [word])) }
            case .removed, .inserted:
                if pieces.last?.isChange != true { pieces.append(Piece(isChange: true)) }
                if kind == .removed { pieces[pieces.count - 1].removed.append(word) } else { pieces[pieces.count - 1].inserted.append(word) }
            }
        }
        // One or two words kept between two changes ("a", "of the") split what reads as one
        // change into two: they join it, on both sides.
        var joined: [Piece] = []
        var index = 0
        while index < pieces.count {
            let piece = pieces[index]
            if !piece.isChange, piece.kept.count <= 2, joined.last?.isChange == true, index + 1 < pieces.count, pieces[index + 1].isChange {
                joined[joined.count - 1].removed += piece.kept + pieces[index + 1].removed
                joined[joined.count - 1].inserted += piece.kept + pieces[index + 1].inserted
                index += 2
            } else {
                joined.append(piece)
                index += 1
            }
        }
        return joined.flatMap { piece -> [Run] in
            guard piece.isChange else { return [Run(kind: .same, text: piece.kept.joined(separator: " "))] }
            return (piece.removed.isEmpty ? [] : [Run(kind: .removed, text: piece.removed.joined(separator: " "))])
                + (piece.inserted.isEmpty ? [] : [Run(kind: .inserted, text: piece.inserted.joined(separator: " "))])
        }
    }

    /// Words kept, or a change: words removed and words inserted.
    private struct Piece {
        var isChange: Bool
        var kept: [String] = []
        var removed: [String] = []
        var inserted: [String] = []
    }

    /// The edit script turning `old` into `new`, in reading order: the one the standard
    /// library's difference gives, or, past `maximumEdits`, the elements between the common
    /// beginning and end all removed, then all inserted.
    static func script<Element: Hashable>(from old: [Element], to new: [Element]) -> [(Kind, Element)] {
        // As numbers, one per distinct element, the sequences compare alike and more quickly.
        var numbers: [Element: Int] = [:]
        func number(_ element: Element) -> Int {
            if let known = numbers[element] { return known }
            numbers[element] = numbers.count
            return numbers.count - 1
        }
        let a = old.map(number)
        let b = new.map(number)
        var removed = [Bool](repeating: false, count: old.count)
        var inserted = [Bool](repeating: false, count: new.count)
        if EditCount.between(a, b, atMost: maximumEdits) != nil {
            for change in b.difference(from: a) {
                switch change {
                case .remove(let offset, _, _): removed[offset] = true
                case .insert(let offset, _, _): inserted[offset] = true
                }
            }
        } else {
            var start = 0
            while start < a.count, start < b.count, a[start] == b[start] { start += 1 }
            var end = 0
            while end < a.count - start, end < b.count - start, a[a.count - 1 - end] == b[b.count - 1 - end] { end += 1 }
            for index in start..<(a.count - end) { removed[index] = true }
            for index in start..<(b.count - end) { inserted[index] = true }
        }
        var script: [(Kind, Element)] = []
        script.reserveCapacity(max(old.count, new.count))
        var i = 0
        var j = 0
        while i < old.count || j < new.count {
            if i < old.count, removed[i] {
                script.append((.removed, old[i]))
                i += 1
            } else if j < new.count, inserted[j] {
                script.append((.inserted, new[j]))
                j += 1
            } else {
                script.append((.same, new[j]))
                i += 1
                j += 1
            }
        }
        return script
    }
}
