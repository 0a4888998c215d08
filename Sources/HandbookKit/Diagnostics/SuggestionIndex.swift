/// "Did you mean ...?" over one set of candidates asked about many words: the answer of
/// `Suggestion.closest(to:in:)`, found without measuring each word against every candidate,
/// which made a handbook with thousands of unknown references take minutes to check.
///
/// The candidates, in lower case as `closest` compares them, share a trie. A search walks it
/// with one row of `Suggestion.editDistance`'s table per letter and leaves a branch once no
/// candidate below it can be within the limit: from a cell of the branch's row, the rest costs
/// at least the difference between what is left of the word and what is left of a candidate.
/// (A swap that steps over the row costs no less than the cell beside it in the row.) The limit
/// tightens to the best distance found, and the letter that continues the word is tried first.
/// Each word's answer is kept, so a thousand references to one unknown word cost one search.
struct SuggestionIndex {
    /// A candidate within the limit, and where it stood among the candidates: of two that are
    /// equal as text, `closest` keeps the first.
    struct Match: Sendable, Hashable {
        var distance: Int
        var candidate: String
        var position: Int

        /// Whether `closest`, meeting this match after `other` (or with no other), would take it:
        /// a smaller distance, or the same and earlier in the alphabet.
        func isPreferred(to other: Match?) -> Bool {
            guard let other else { return true }
            if distance != other.distance { return distance < other.distance }
            if candidate != other.candidate { return candidate < other.candidate }
            return position < other.position
        }
    }

    private struct Node {
        var scalar: Unicode.Scalar
        var children: [Int] = []
        /// Positions of the candidates that end here.
        var ends: [Int] = []
        /// The lengths of what candidates have after this node, when some go on.
        var shortestRest = Int.max
        var longestRest = 0
    }

    private struct ChildKey: Hashable {
        var parent: Int
        var scalar: Unicode.Scalar
    }

    private let candidates: [String]
    private var nodes: [Node] = [Node(scalar: " ")]
    /// By the word in lower case, all the search looks at.
    private var answers: [[Unicode.Scalar]: Match?] = [:]

    init(_ candidates: some Sequence<String>) {
        self.candidates = Array(candidates)
        var childIndex: [ChildKey: Int] = [:]
        for (position, candidate) in self.candidates.enumerated() {
            var node = 0
            for scalar in candidate.lowercased().unicodeScalars {
                let key = ChildKey(parent: node, scalar: scalar)
                if let child = childIndex[key] {
                    node = child
                } else {
                    nodes.append(Node(scalar: scalar))
                    nodes[node].children.append(nodes.count - 1)
                    childIndex[key] = nodes.count - 1
                    node = nodes.count - 1
                }
            }
            nodes[node].ends.append(position)
        }
        // A child comes after its parent, so the last node first meets every child first.
        for node in nodes.indices.reversed() {
            for child in nodes[node].children {
                let rest = nodes[child]
                if !rest.ends.isEmpty { nodes[node].shortestRest = 1 }
                if rest.longestRest > 0 || !rest.ends.isEmpty {
                    nodes[node].longestRest = max(nodes[node].longestRest, rest.longestRest + 1)
                }
                if rest.shortestRest != Int.max { nodes[node].shortestRest = min(nodes[node].shortestRest, rest.shortestRest + 1) }
            }
        }
    }

    /// Of the matches for one word in two indexes, the one `closest` gives for the candidates
    /// of the first followed by those of the second: the second only if strictly closer.
    static func closer(_ first: Match?, _ second: Match?) -> Match? {
        guard let first, let second else { return first ?? second }
        if second.distance != first.distance { return second.distance < first.distance ? second : first }
        return second.candidate < first.candidate ? second : first
    }

    /// The candidate `Suggestion.closest(to: word, in: candidates)` gives.
    mutating func closest(to word: String) -> String? {
        match(for: word)?.candidate
    }

    /// The closest candidate with its distance, as `closest` would choose it.
    mutating func match(for word: String) -> Match? {
        let target = Array(word.lowercased().unicodeScalars)
        if let answer = answers[target] { return answer }
        let answer = search(target)
        answers[target] = answer
        return answer
    }

    private func search(_ target: [Unicode.Scalar]) -> Match? {
        let width = target.count + 1
        var bound = max(1, min(3, target.count / 3))
        var found: [Int] = []
        // Row `depth` of the table, for the path from the root to the node being visited; a
        // node's row needs only those of its parent and grandparent, still on the path.
        var rows = Array(0..<width)
        var letters: [Unicode.Scalar] = [" "]

        func consider(_ ends: [Int], distance: Int) {
            guard !ends.isEmpty, distance <= bound else { return }
            if distance < bound { found = [] }
            bound = distance
            found += ends
        }
        consider(nodes[0].ends, distance: target.count)

        var stack: [(node: Int, depth: Int)] = []
        func pushChildren(of node: Int, depth: Int) {
            let next = depth < target.count ? target[depth] : nil
            let children = nodes[node].children
            for child in children where nodes[child].scalar != next { stack.append((child, depth + 1)) }
            for child in children where nodes[child].scalar == next { stack.append((child, depth + 1)) }
        }
        /// Whether a candidate below `node`, whose row starts at `row`, may be within the limit.
        func reachesBelow(_ node: Int, from row: Int) -> Bool {
            let shortest = nodes[node].shortestRest
            let longest = nodes[node].longestRest
            for j in 0..<width {
                let left = width - 1 - j
                let gap = left < shortest ? shortest - left : (left > longest ? left - longest : 0)
                if rows[row + j] + gap <= bound { return true }
            }
            return false
        }
        if nodes[0].shortestRest != Int.max { pushChildren(of: 0, depth: 0) }

        while let (node, depth) = stack.popLast() {
            let scalar = nodes[node].scalar
            if rows.count < (depth + 1) * width { rows += repeatElement(0, count: width) }
            if letters.count <= depth { letters.append(scalar) } else { letters[depth] = scalar }
            let current = depth * width
            let previous = current - width
            let beforePrevious = previous - width
            rows[current] = depth
            for j in 1..<width {
                var cell = min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + (target[j - 1] == scalar ? 0 : 1))
                if depth > 1, j > 1, target[j - 2] == scalar, target[j - 1] == letters[depth - 1] {
                    cell = min(cell, rows[beforePrevious + j - 2] + 1)
                }
                rows[current + j] = cell
            }
            consider(nodes[node].ends, distance: rows[current + width - 1])
            guard nodes[node].shortestRest != Int.max, reachesBelow(node, from: current) else { continue }
            pushChildren(of: node, depth: depth)
        }

        let distance = bound
        return found.map { Match(distance: distance, candidate: candidates[$0], position: $0) }
            .reduce(nil) { best, match in match.isPreferred(to: best) ? match : best }
    }
}
