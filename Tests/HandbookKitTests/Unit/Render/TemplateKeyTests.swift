import Foundation
import Testing
@testable import HandbookKit

/// The names the templates look up and the keys the code gives them are one list, `TemplateKey`:
/// a template must not ask for a name no context has (Mustache would render it as nothing,
/// silently), and every key must be of use.
@Suite("Template keys")
struct TemplateKeyTests {
    /// Keys the default templates do not read, which the code gives them all the same, and why.
    static let notInDefaultTemplates: [TemplateKey: String] = [
        .chapterNavigation: "partials/chapter-nav rendered once for many pages, read by a template the build puts in the partial's place",
        .path: "page.path, the page's own path, documented for custom templates",
        .level: "a heading's level in chapter.contents; the default templates use nested instead",
        .extra: "a page's own front-matter fields, for an organisation's custom templates",
        .after: "retitled.after, the new title beside retitled.before",
        .rulesIndex: "a page kind: the value of page.kind (layout writes it as a class) and the flag page.rulesIndex",
        .embedIndex: "a page kind: the value of page.kind and the flag page.embedIndex",
        .print: "a page kind: the value of page.kind and the flag page.print",
        .withdrawnRule: "a page kind: the value of page.kind and the flag page.withdrawnRule",
    ]

    /// A template this extractor cannot read.
    struct UnreadableTemplate: Error, CustomStringConvertible {
        var description: String
    }

    /// Every name `template` looks a value up by: variables (`{{name}}`, `{{{name}}}`,
    /// `{{&name}}`) and sections (`{{#name}}`, `{{^name}}`, closed by `{{/name}}`), a dotted name
    /// giving each of its parts, a transform (`{{uppercased(name)}}`) the name it is applied to.
    /// Partials (`{{>name}}`), comments (`{{!...}}`), the current item (`{{.}}`), and the
    /// inheritance tags (`{{<parent}}`, `{{$block}}` and their closing tags) name no value.
    static func names(in template: String) throws -> Set<String> {
        var names: Set<String> = []
        var open: [(sigil: Character, name: String)] = []
        for tag in try MustacheTags.tags(in: template) {
            let (sigil, name) = (tag.sigil, tag.name)
            switch sigil {
            case "!", ">":
                continue
            case "<", "$":
                open.append((sigil, name))
                continue
            case "/":
                guard let last = open.popLast(), last.name == name else {
                    throw UnreadableTemplate(description: "{{/\(name)}} closes no open section of that name")
                }
                if last.sigil == "<" || last.sigil == "$" { continue }
            case "#", "^":
                open.append((sigil, name))
            default:
                break
            }
            var bare = Substring(name)
            // A transform, `count(chapters)`, looks up the name inside the parentheses.
            while let parenthesis = bare.firstIndex(of: "("), bare.hasSuffix(")") {
                bare = bare[bare.index(after: parenthesis)..<bare.index(before: bare.endIndex)]
            }
            guard bare != "." else { continue }
            for part in bare.split(separator: ".") {
                names.insert(String(part))
            }
        }
        if let unclosed = open.last {
            throw UnreadableTemplate(description: "{{\(unclosed.sigil)\(unclosed.name)}} is never closed")
        }
        return names
    }

    /// The names each template under `folder` looks up, by its path from the folder.
    static func names(inTemplatesAt folder: String) throws -> [String: Set<String>] {
        let files = try #require(FileManager.default.subpaths(atPath: folder)).filter { $0.hasSuffix(".mustache") }
        var names: [String: Set<String>] = [:]
        for file in files {
            names[file] = try Self.names(in: String(contentsOfFile: folder + "/" + file, encoding: .utf8))
        }
        return names
    }

    /// The names templates under `folder` look up that are no `TemplateKey`, by template.
    static func unknownNames(inTemplatesAt folder: String) throws -> [String: [String]] {
        let keys = Set(TemplateKey.allCases.map(\.rawValue))
        return try names(inTemplatesAt: folder).compactMapValues { names in
            let unknown = names.subtracting(keys).sorted()
            return unknown.isEmpty ? nil : unknown
        }
    }

    @Test("the default templates look up no name that is not a TemplateKey")
    func templatesUseKeys() throws {
        let names = try Self.names(inTemplatesAt: Repository.templates)
        #expect(names.count >= TemplateSet.pageTemplates.count, "found \(names.keys.sorted()) in \(Repository.templates)")
        let unknown = try Self.unknownNames(inTemplatesAt: Repository.templates)
        #expect(unknown == [:], "names that are no TemplateKey, by template: add the key where a context gives the value, or fix the name")
    }

    @Test("every TemplateKey is used by a default template, or listed with the reason it is given anyway")
    func keysAreUsed() throws {
        let used = try Self.names(inTemplatesAt: Repository.templates).values.reduce(into: Set<String>()) { $0.formUnion($1) }
        let unused = Set(TemplateKey.allCases.filter { !used.contains($0.rawValue) })
        let listed = Set(Self.notInDefaultTemplates.keys)
        let unlisted = unused.subtracting(listed).map(\.rawValue).sorted()
        #expect(unlisted == [], "no default template uses these: remove them, or list them in notInDefaultTemplates with the reason")
        let usedAfterAll = listed.subtracting(unused).map(\.rawValue).sorted()
        #expect(usedAfterAll == [], "a default template uses these: take them off notInDefaultTemplates")
    }

    @Test("each key's raw value is its case's name, and no two keys share one")
    func form() {
        let names = TemplateKey.allCases.map(\.rawValue)
        #expect(Set(names).count == names.count)
        for key in TemplateKey.allCases {
            #expect(String(describing: key) == key.rawValue)
        }
    }

    @Test("the extractor reads every kind of tag, and skips partials, comments, inheritance and the current item")
    func extractor() throws {
        let template = """
            {{<layout}}{{$main}}{{! a comment, {{#not}} a section }}{{#a.b}}{{ c }}{{{d}}}{{/a.b}}{{^e}}{{.}}{{/e}}
            {{>partials/tips}}{{&f}}{{ uppercased(g.h) }}{{/main}}{{/layout}}
            """
        #expect(try Self.names(in: template) == ["a", "b", "c", "d", "e", "f", "g", "h"])
        #expect(throws: UnreadableTemplate.self) { try Self.names(in: "{{#a}}{{/b}}") }
        #expect(throws: UnreadableTemplate.self) { try Self.names(in: "{{#a}}") }
        #expect(throws: MustacheTags.Unreadable.self) { try Self.names(in: "{{=<% %>=}}") }
        #expect(throws: MustacheTags.Unreadable.self) { try Self.names(in: "{{#a}}{{b") }
    }

    @Test("a misspelt name in a copy of the templates is reported")
    func misspeltName() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("template-keys-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: Repository.templates, toPath: folder)
        let chapter = folder + "/chapter.mustache"
        let text = try String(contentsOfFile: chapter, encoding: .utf8)
        #expect(text.contains("{{chapter.title}}"))
        try text.replacingOccurrences(of: "{{chapter.title}}", with: "{{chapter.titel}}").write(toFile: chapter, atomically: true, encoding: .utf8)
        let partial = folder + "/partials/tips.mustache"
        try (String(contentsOfFile: partial, encoding: .utf8) + "{{#hasRule}}{{/hasRule}}\n").write(toFile: partial, atomically: true, encoding: .utf8)
        #expect(try Self.unknownNames(inTemplatesAt: folder) == ["chapter.mustache": ["titel"], "partials/tips.mustache": ["hasRule"]])
    }
}
