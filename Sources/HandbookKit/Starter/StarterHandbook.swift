import Foundation

/// `handbook new DIR`: a small handbook that builds and checks cleanly at once. It has no
/// templates of its own: it uses those built into the tool, and gets their fixes with each new
/// version, until `handbook templates eject` copies them to adapt (`TemplateEject`).
public enum StarterHandbook {
    static let content: [String: String] = [
        "handbook.yml": """
            title: Our handbook
            subtitle: Guidance you can cite, rule by rule
            organisation: Our organisation
            edition: "1.0"
            language: en-GB
            description: A starter handbook. Replace this text with a sentence about yours.

            """,
        "chapters/01-getting-started.md": """
            ---
            title: Getting started
            summary: How this handbook works and how to cite its rules.
            updated: 2026-01-01
            ---

            Each rule has an identifier, such as START-1, that people can cite. A rule's
            identifier links to it wherever it appears, like this mention of WRITE-1.

            ## START-1 Cite rules by their identifier

            When you refer to a rule in an e-mail or a meeting, give its identifier. Identifiers
            stay the same from one edition to the next, so a citation never goes stale.

            ### START-1.1 Link to a rule's own page

            Every rule has a page of its own, which shows where the rule is cited. See
            [how to write a rule](rule:WRITE-1).

            """,
        "chapters/02-writing-rules.md": """
            ---
            title: Writing rules
            summary: How to add a rule, and how rules refer to each other.
            updated: 2026-01-01
            ---

            Rules are headings that start with an identifier; see [Getting started](01-getting-started.md).

            ## WRITE-1 Start a rule's heading with its identifier

            Write `## PREFIX-1 Title`, then the reasons and the steps. Refer to other rules by
            their identifier, as in START-1, or with a link: [](rule:START-1.1).

            """,
        "tips/quick-tips.md": """
            ---
            title: Quick tips
            summary: Short reminders, each with the rule behind it.
            updated: 2026-01-01
            ---

            - **Give the identifier.** Say which rule you mean (START-1).
            - **Keep titles short.** A rule's title says what to do (WRITE-1).

            """,
    ]

    public enum Problem: Error, CustomStringConvertible {
        case notEmpty(String)
        case unwritable(String, String)

        public var description: String {
            switch self {
            case .notEmpty(let path): "\(path):1:1: error: this folder is not empty; choose a new or empty folder"
            case .unwritable(let path, let reason): "\(path):1:1: error: cannot write here: \(reason)"
            }
        }
    }

    /// Writes `folder/Content`. Refuses a folder that has anything in it.
    public static func write(to folder: String) throws(Problem) {
        try writeIntoEmptyFolder(folder, files: content.mapValues { Data($0.utf8) }, under: "Content/")
    }

    /// Writes `files` under `prefix` in `folder`, which must be new or empty.
    static func writeIntoEmptyFolder(_ folder: String, files: [String: Data], under prefix: String) throws(Problem) {
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: folder), !entries.isEmpty {
            throw .notEmpty(DisplayPath.of(folder))
        }
        do {
            for (path, data) in files.sorted(by: { $0.key < $1.key }) {
                try write(data, to: folder + "/" + prefix + path)
            }
        } catch {
            throw .unwritable(DisplayPath.of(folder), error.localizedDescription)
        }
    }

    private static func write(_ data: Data, to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path))
    }
}
