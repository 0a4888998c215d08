import Foundation
import HandbookMarkdown
import Mustache

/// The compiled Mustache templates of a template folder, checked before any page is rendered:
/// swift-mustache renders a missing partial as nothing, so missing ones are reported here.
package struct TemplateSet: Sendable {
    /// The templates every build needs, one per page kind.
    static let pageTemplates = [
        "index", "chapter", "rules-index", "rule", "tip-list", "search", "print",
        "embed-chapter", "embed-rule", "embed-tip-list", "embed-index", "service-worker", "changes", "withdrawn-rule",
    ]

    private let library: MustacheLibrary
    /// The templates with `partials/chapter-nav` read from `chapterNavigation`, when the
    /// partial is rendered once for many pages (`NavigationPartial`); nil when it is not.
    private let sharedNavigationLibrary: MustacheLibrary?

    /// The template files, for the assets and the EPUB stylesheet.
    let files: TemplateFiles
    /// Changes whenever any template or asset does: part of every rendered page's key.
    let digest: Int
    /// The ids the templates write, which headings must not take (`TemplateIDs`).
    let reservedIDs: Set<String>

    package static func load(folder: String?) -> (TemplateSet?, [Diagnostic]) {
        switch files(folder: folder) {
        case .success(let files): return load(files)
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
    }

    /// The files of the templates in `folder`, or the built-in ones.
    static func files(folder: String?) -> Result<TemplateFiles, Diagnostic> {
        guard let folder else { return .success(.builtIn) }
        return TemplateFiles.folder(folder)
    }

    static func load(_ files: TemplateFiles) -> (TemplateSet?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var sources: [(name: String, file: SourceFile)] = []
        for relative in files.files.keys.sorted() where relative.hasSuffix(".mustache") && !relative.hasPrefix("assets/") {
            switch SourceFileReader.decode(files.files[relative]!, path: relative, displayPath: files.displayPath(relative)) {
            case .success(let file): sources.append((String(relative.dropLast(".mustache".count)), file))
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }

        var templates: [String: MustacheTemplate] = [:]
        HTMLEscaping.registered
        for (name, file) in sources {
            do {
                templates[name] = try MustacheTemplate(string: HTMLEscaping.pragma + file.text)
            } catch let error as MustacheTemplate.ParserError {
                // The pragma is a line of its own before the file's first.
                diagnostics.append(.error(
                    .templateSyntax, at: file.location(line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber + 1),
                    "this template does not parse: \(describe(error.error))",
                    suggestion: "check that every {{#section}} has its {{/section}} and every tag is closed"))
            } catch {
                diagnostics.append(.error(.templateSyntax, at: file.location(), "this template does not parse: \(error)"))
            }
        }

        for (name, file) in sources {
            for reference in PartialReferences.find(in: file.text) where templates[reference.name] == nil && sources.allSatisfy({ $0.name != reference.name }) {
                let close = Suggestion.closest(to: reference.name, in: sources.map(\.name))
                diagnostics.append(.error(
                    .templateMissingPartial, at: file.location(line: reference.line, column: reference.column),
                    "template '\(name)' uses '\(reference.name)', but there is no \(reference.name).mustache",
                    suggestion: close.map { "did you mean '\($0)'?" } ?? "add the file or fix the name"))
            }
        }
        for required in pageTemplates where sources.allSatisfy({ $0.name != required }) {
            diagnostics.append(.error(
                .templateMissing, at: SourceLocation(file: files.displayPath(required + ".mustache")),
                "the template folder has no \(required).mustache, which every build needs",
                suggestion: "copy it from the default Templates/ folder"))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        var hasher = Hasher()
        for (path, data) in files.files.sorted(by: { $0.key < $1.key }) {
            hasher.combine(path)
            data.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
        let reservedIDs = sources.reduce(into: Set<String>()) { $0.formUnion(TemplateIDs.find(in: $1.file.text)) }
        var sharedNavigationLibrary: MustacheLibrary?
        if let navigation = sources.first(where: { $0.name == NavigationPartial.name }), NavigationPartial.isShared(navigation.file.text),
            let placeholder = try? MustacheTemplate(string: NavigationPartial.placeholder)
        {
            var pageTemplates = templates
            pageTemplates[NavigationPartial.name] = placeholder
            sharedNavigationLibrary = MustacheLibrary(templates: pageTemplates)
        }
        return (
            TemplateSet(
                library: MustacheLibrary(templates: templates), sharedNavigationLibrary: sharedNavigationLibrary, files: files,
                digest: hasher.finalize(), reservedIDs: reservedIDs),
            diagnostics
        )
    }

    /// A context from `PageContext` carries its navigation rendered (`chapterNavigation`);
    /// one made otherwise renders the partial as written.
    /// Whether the folder has the template `name`: the page for a missing address is written
    /// only when it does, as template folders made before it have no 404.mustache.
    func has(_ name: String) -> Bool {
        files.files[name + ".mustache"] != nil
    }

    func render(_ context: TemplateContext, template: String) -> String {
        let library = context[.chapterNavigation] != nil ? sharedNavigationLibrary ?? self.library : self.library
        return library.render(context, withTemplate: template) ?? ""
    }

    /// `partials/chapter-nav` alone, for the pages that show `context`'s navigation; nil when
    /// the partial reads more than the navigation and is rendered on every page.
    func navigation(_ context: TemplateContext) -> String? {
        guard sharedNavigationLibrary != nil else { return nil }
        return library.render(context, withTemplate: NavigationPartial.name)
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened with"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a section is never closed"
        case .invalidSetDelimiter: return "a set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: return "a transform is applied to an inheritance section"
        case .illegalTokenInsideInheritSection: return "a tag that is not allowed appears inside an inheritance section"
        case .textInsideInheritSection: return "text appears directly inside an inheritance section"
        case .invalidConfigVariableSyntax: return "a pragma is malformed"
        case .unrecognisedConfigVariable: return "a pragma is not recognised"
        }
    }
}
