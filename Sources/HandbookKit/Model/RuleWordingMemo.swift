import Synchronization

/// The wordings of a page's rules, normalised once for as long as the page is: `serve` keeps a
/// page it has parsed until its file changes, and resolves the whole handbook on every save,
/// where normalising every rule's wording again was a third of a rebuild's time.
/// A whole build resolves each page once, so its pages keep nothing (`keeping` false): the
/// memo would only hold a second copy of every rule's text.
final class RuleWordingMemo: Sendable {
    let isKeeping: Bool
    private let wordings = Mutex<[String: String]>([:])

    init(keeping: Bool = false) {
        isKeeping = keeping
    }

    /// `RuleWording.normalise(text)`, from the memo when this page's text was normalised before.
    func normalised(_ text: String) -> String {
        guard isKeeping else { return RuleWording.normalise(text) }
        if let known = wordings.withLock({ $0[text] }) { return known }
        let wording = RuleWording.normalise(text)
        wordings.withLock { $0[text] = wording }
        return wording
    }
}
