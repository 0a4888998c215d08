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

    static func runs(from old: String, to new: String) -> [Run] {
        let before = old.split(separator: " ").map(String.init)
        let after = new.split(separator: " ").map(String.init)
        var pieces: [Piece] = []
        for (kind, word) in script(from: before, to: after) {
            switch (kind, pieces.last) {
            case (.same, .same(let words)?): pieces[pieces.count - 1] = .same(words + [word])
            case (.same, _): pieces.append(.same([word]))
            case (.removed, .change(let removed, let inserted)?): pieces[pieces.count - 1] = .change(removed + [word], inserted)
            case (.inserted, .change(let removed, let inserted)?): pieces[pieces.count - 1] = .change(removed, inserted + [word])
            case (.removed, _): pieces.append(.change([word], []))
            case (.inserted, _): pieces.append(.change([], [word]))
            }
        }
        // One or two words kept between two changes ("a", "of the") split what reads as one
        // change into two: they join it, on both sides.
        var index = 1
        while index + 1 < pieces.count {
            if case .same(let kept) = pieces[index], kept.count <= 2,
                case .change(let removed, let inserted) = pieces[index - 1],
                case .change(let nextRemoved, let nextInserted) = pieces[index + 1]
            {
                pieces.replaceSubrange((index - 1)...(index + 1), with: [.change(removed + kept + nextRemoved, inserted + kept + nextInserted)])
            } else {
                index += 1
            }
        }
        return pieces.flatMap { piece -> [Run] in
            switch piece {
            case .same(let words): [Run(kind: .same, text: words.joined(separator: " "))]
            case .change(let removed, let inserted):
                (removed.isEmpty ? [] : [Run(kind: .removed, text: removed.joined(separator: " "))])
                    + (inserted.isEmpty ? [] : [Run(kind: .inserted, text: inserted.joined(separator: " "))])
            }
        }
    }

    private enum Piece {
        case same([String])
        case change([String], [String])
    }

    /// The edit script turning `old` into `new` (the standard library's Myers difference),
    /// in reading order.
    static func script<Element: Hashable>(from old: [Element], to new: [Element]) -> [(Kind, Element)] {
        let difference = new.difference(from: old)
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var script: [(Kind, Element)] = []
        var i = 0
        var j = 0
        while i < old.count || j < new.count {
            if i < old.count, removed.contains(i) {
                script.append((.removed, old[i]))
                i += 1
            } else if j < new.count, inserted.contains(j) {
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
