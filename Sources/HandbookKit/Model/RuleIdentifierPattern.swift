import Foundation

/// A handbook's own identifier pattern (`rule_id_pattern` in handbook.yml): a POSIX extended
/// regular expression for the whole identifier, compiled by glibc's `regcomp`.
///
/// glibc matches patterns without back-references with automata, not by backtracking, so no
/// pattern can make a match take exponential time; back-references (which would) are refused,
/// and so is Perl's syntax, which POSIX reads differently without a word. Candidates are never
/// longer than `InputLimits.identifierBytes`, so each match is bounded too.
struct RuleIdentifierPattern: Sendable, Hashable {
    /// The longest pattern accepted, in bytes.
    static let maxLength = 256
    /// The counted repetitions (`{m,n}`) of a pattern multiply to at most this: glibc builds
    /// its automaton with a copy of the repeated part for each count.
    static let maxRepetition = 1000

    let source: String
    private let compiled: CompiledPattern

    /// Why a pattern cannot be used, in words a user can act on.
    struct Problem: Error, Equatable {
        var message: String
        var suggestion: String
    }

    static func compile(_ source: String) -> Result<RuleIdentifierPattern, Problem> {
        if let problem = RulePatternSyntax.problem(in: source) { return .failure(problem) }
        // Anchored, so the pattern describes the whole identifier; the syntax check has made sure
        // its parentheses balance, so it cannot close this group early.
        switch CompiledPattern.compile("^(\(source))$") {
        case .success(let compiled):
            return .success(RuleIdentifierPattern(source: source, compiled: compiled))
        case .failure(let failure):
            let reason = failure.message
            return .failure(Problem(
                message: "rule_id_pattern is not a POSIX extended regular expression: \(reason)",
                suggestion: "write it as for `grep -E`, such as [A-Z]+-[0-9]+"))
        }
    }

    private init(source: String, compiled: CompiledPattern) {
        self.source = source
        self.compiled = compiled
    }

    /// Whether `candidate` is an identifier of this pattern. Longer candidates than an
    /// identifier may be are not matched at all.
    func matches(_ candidate: some Collection<UInt8>) -> Bool {
        guard !candidate.isEmpty, candidate.count <= InputLimits.identifierBytes, !candidate.contains(0) else { return false }
        return compiled.matches(Array(candidate) + [0])
    }

    func matches(_ candidate: String) -> Bool { matches(Array(candidate.utf8)) }

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.source == rhs.source }
    func hash(into hasher: inout Hasher) { hasher.combine(source) }
}

/// A compiled `regex_t`, freed with the last pattern that holds it. glibc's `regexec` takes
/// the pattern's own lock, so one compiled pattern may be used by every task at once; it is
/// kept behind a pointer so that Swift sees no shared mutable state.
private final class CompiledPattern: @unchecked Sendable {
    private let regex: UnsafeMutablePointer<regex_t>

    private init(_ regex: UnsafeMutablePointer<regex_t>) { self.regex = regex }

    deinit {
        regfree(regex)
        regex.deallocate()
    }

    struct Failure: Error {
        var message: String
    }

    static func compile(_ pattern: String) -> Result<CompiledPattern, Failure> {
        let regex = UnsafeMutablePointer<regex_t>.allocate(capacity: 1)
        let status = regcomp(regex, pattern, REG_EXTENDED | REG_NOSUB)
        guard status == 0 else {
            var buffer = [CChar](repeating: 0, count: 256)
            regerror(status, regex, &buffer, buffer.count)
            regfree(regex)
            regex.deallocate()
            return .failure(Failure(message: String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self).lowercased()))
        }
        return .success(CompiledPattern(regex))
    }

    /// `terminated` ends with a NUL byte.
    func matches(_ terminated: [UInt8]) -> Bool {
        terminated.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { regexec(regex, $0.baseAddress!, 0, nil, 0) == 0 }
        }
    }
}
