/// How many removals and insertions at the fewest turn one sequence into another, if no more
/// than a bound: the forward search of Myers' algorithm, which keeps only the furthest point
/// reached on each diagonal, so it takes time that grows with the length times the bound and
/// memory that grows with the bound. The standard library's difference finds the edits
/// themselves in time that grows with the length times their number, which for two unrelated
/// texts of 10,000 words took seconds; this says beforehand whether that is worth asking.
enum EditCount {
    static func between(_ old: [Int], _ new: [Int], atMost limit: Int) -> Int? {
        let n = old.count
        let m = new.count
        let most = min(n + m, limit)
        // The furthest `x` on each diagonal `k = x - y`, at `k + offset`. Round `d` reads only
        // the diagonals of the other parity, written by round `d - 1`, so one array serves all.
        let offset = most + 1
        var furthest = [Int](repeating: 0, count: 2 * most + 3)
        for d in 0...most {
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && furthest[k - 1 + offset] < furthest[k + 1 + offset]) {
                    x = furthest[k + 1 + offset]
                } else {
                    x = furthest[k - 1 + offset] + 1
                }
                var y = x - k
                while x < n, y < m, old[x] == new[y] {
                    x += 1
                    y += 1
                }
                furthest[k + offset] = x
                if x >= n, y >= m { return d }
            }
        }
        return nil
    }
}
