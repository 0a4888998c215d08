/// Numbers to suggest for chapters and parts whose names need one: after the highest number
/// already taken in the folder, each given once, written as wide as the folder's names write
/// theirs (`07`, `0500`). A suggestion never names a number another file has.
struct FreeNumbers {
    private var next: Int
    private let width: Int

    /// From the names in one folder (`03-privacy.md`, `02-standards`).
    init(names: some Sequence<String>) {
        var highest = 0
        var width = 2
        for name in names {
            guard let (number, digits) = ContentInventory.numberPrefix(name) else { continue }
            highest = max(highest, number)
            width = max(width, digits)
        }
        next = highest + 1
        self.width = width
    }

    /// The next free number, as a file name starts with it.
    mutating func take() -> String {
        defer { next += 1 }
        let digits = String(next)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
