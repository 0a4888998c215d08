import Foundation
import HandbookMarkdown

/// The files of a handbook's content folder, found and named but not yet read.
package struct ContentInventory: Sendable {
    var root: String
    /// `root` with symbolic links resolved: every file read must be inside it.
    var realRoot: String
    var configPath: String
    var config: ConfinedFile { ConfinedFile(path: configPath, root: realRoot) }
    var chapters: [PageFile] = []
    var tipLists: [PageFile] = []
    var media: [MediaFile] = []

    static func scan(contentFolder: String) -> (ContentInventory, [Diagnostic]) {
        let root = URL(fileURLWithPath: contentFolder).standardizedFileURL.path
        var inventory = ContentInventory(root: root, realRoot: ConfinedFile.realFolder(root), configPath: root + "/handbook.yml")
        var diagnostics: [Diagnostic] = []
        let fileManager = FileManager.default

        var isFolder: ObjCBool = false
        guard fileManager.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue else {
            diagnostics.append(.error(
                .contentMissing, at: SourceLocation(file: DisplayPath.of(root)),
                "there is no content folder here",
                suggestion: "create it with handbook.yml and chapters/, or pass --content"))
            return (inventory, diagnostics)
        }
        if !fileManager.fileExists(atPath: inventory.configPath) {
            diagnostics.append(.error(
                .configMissing, at: SourceLocation(file: DisplayPath.of(inventory.configPath)),
                "the handbook has no handbook.yml", suggestion: "create it with at least a line `title: ...`"))
        }

        let realRoot = inventory.realRoot + "/"
        var chapterNumbers: [Int: String] = [:]
        for name in markdownNames(in: root + "/chapters", realRoot: realRoot, diagnostics: &diagnostics) {
            let path = root + "/chapters/" + name
            guard let (number, slug) = chapterName(name) else {
                diagnostics.append(.error(
                    .chapterName, at: SourceLocation(file: DisplayPath.of(path)),
                    "a chapter's file name must be a number, a hyphen and a slug of lower-case letters, digits and hyphens",
                    suggestion: "rename it, for example to 01-\(suggestedSlug(name)).md"))
                continue
            }
            if let other = chapterNumbers[number] {
                diagnostics.append(.error(
                    .chapterOrder, at: SourceLocation(file: DisplayPath.of(path)),
                    "this chapter has the same number as \(other), so their order is unclear",
                    suggestion: "give each chapter its own number"))
            }
            chapterNumbers[number] = name
            if let problem = slugLengthProblem(slug, at: path) {
                diagnostics.append(problem)
                continue
            }
            inventory.chapters.append(.init(path: path, fileName: name, slug: slug, root: inventory.realRoot))
        }
        inventory.chapters.sort { (chapterName($0.fileName)!.0, $0.fileName) < (chapterName($1.fileName)!.0, $1.fileName) }
        var slugs: [String: String] = [:]
        for chapter in inventory.chapters {
            if let other = slugs[chapter.slug] {
                diagnostics.append(.error(
                    .chapterDuplicate, at: SourceLocation(file: DisplayPath.of(chapter.path)),
                    "this chapter's slug '\(chapter.slug)' is also used by \(other); both would be \(SiteLayout.chapterPage(chapter.slug))",
                    suggestion: "rename one of them"))
            }
            slugs[chapter.slug] = chapter.fileName
        }
        if inventory.chapters.isEmpty && diagnostics.isEmpty {
            diagnostics.append(.error(
                .contentNoChapters, at: SourceLocation(file: DisplayPath.of(root + "/chapters")),
                "the handbook has no chapters", suggestion: "add a file such as chapters/01-introduction.md"))
        }

        for name in markdownNames(in: root + "/tips", realRoot: realRoot, diagnostics: &diagnostics) {
            let path = root + "/tips/" + name
            let slug = String(name.dropLast(3))
            guard isSlug(slug) else {
                diagnostics.append(.error(
                    .tipsName, at: SourceLocation(file: DisplayPath.of(path)),
                    "a tip list's file name must be lower-case letters, digits and hyphens",
                    suggestion: "rename it, for example to \(suggestedSlug(name)).md"))
                continue
            }
            if let problem = slugLengthProblem(slug, at: path) {
                diagnostics.append(problem)
                continue
            }
            inventory.tipLists.append(.init(path: path, fileName: name, slug: slug, root: inventory.realRoot))
        }
        inventory.media = mediaFiles(in: root, realRoot: inventory.realRoot, diagnostics: &diagnostics)
        return (inventory, diagnostics)
    }

    /// A slug names its page's file, which must fit the file system's limit on names.
    private static func slugLengthProblem(_ slug: String, at path: String) -> Diagnostic? {
        guard slug.utf8.count > InputLimits.slugBytes else { return nil }
        return .error(
            .fileNameLength, at: SourceLocation(file: DisplayPath.of(path)),
            "this file's name is too long: its slug has \(slug.utf8.count) characters, over the limit of \(InputLimits.slugBytes)",
            suggestion: "rename it with a shorter slug")
    }

    /// The `.md` files of a folder, sorted; other visible files are reported as ignored, and a
    /// link to a file outside the content folder is reported and not read.
    private static func markdownNames(in folder: String, realRoot: String, diagnostics: inout [Diagnostic]) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var result: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let real = URL(fileURLWithPath: folder + "/" + name).resolvingSymlinksInPath().path
            if !real.hasPrefix(realRoot) {
                diagnostics.append(.error(
                    .contentOutside, at: SourceLocation(file: DisplayPath.of(folder + "/" + name)),
                    "this is a link to a file outside the content folder, which is not read",
                    suggestion: "copy the file into the content folder instead of linking to it"))
            } else if name.hasSuffix(".md") {
                result.append(name)
            } else {
                diagnostics.append(.warning(
                    .contentIgnored, at: SourceLocation(file: DisplayPath.of(folder + "/" + name)),
                    "this file is ignored: only .md files are read here",
                    suggestion: "rename it to .md, or move it to media/ if it is an image or download"))
            }
        }
        return result
    }

    private static func mediaFiles(in root: String, realRoot contentRoot: String, diagnostics: inout [Diagnostic]) -> [MediaFile] {
        let folder = root + "/media"
        let fileManager = FileManager.default
        guard let enumerator = fileManager.enumerator(atPath: folder) else { return [] }
        var files: [MediaFile] = []
        let realRoot = contentRoot + "/"
        func isRegularFile(_ path: String) -> Bool {
            var status = stat()
            return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
        }
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            let path = folder + "/" + relative
            var isFolder: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isFolder) else {
                diagnostics.append(.error(
                    .mediaUnreadable, at: SourceLocation(file: DisplayPath.of(path)),
                    "this media file cannot be read (a broken link?)", suggestion: "replace or remove it"))
                continue
            }
            let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            guard real.hasPrefix(realRoot) else {
                diagnostics.append(.error(
                    .mediaOutside, at: SourceLocation(file: DisplayPath.of(path)),
                    "this is a link to a file outside the content folder, which is not published",
                    suggestion: "copy the file into media/ instead of linking to it"))
                if isFolder.boolValue { enumerator.skipDescendants() }
                continue
            }
            if !isFolder.boolValue {
                // A pipe or a device would block or never end when copied.
                guard isRegularFile(path), FileManager.default.isReadableFile(atPath: path) else {
                    diagnostics.append(.error(
                        .mediaUnreadable, at: SourceLocation(file: DisplayPath.of(path)),
                        "this media file cannot be read: it is not a regular file, or you may not read it",
                        suggestion: "replace it with an ordinary file you may read, or remove it"))
                    continue
                }
                if let problem = OutputPath.problem(with: SiteLayout.media(relative)) {
                    diagnostics.append(.error(
                        .mediaName, at: SourceLocation(file: DisplayPath.of(path)),
                        "this media file cannot be published under its name: \(problem)",
                        suggestion: "rename it, or move it to a shallower folder, with plain characters"))
                    continue
                }
                files.append(.init(path: path, relativePath: relative, root: contentRoot))
            }
        }
        files.sort { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
        // Names that differ only in their Unicode form (é as one character or as e and an accent)
        // look the same and are one name to Swift, but two files to the file system and a server.
        var byNormalisedName: [String: String] = [:]
        files.removeAll { file in
            let normalised = UnicodeForm.nfc(file.relativePath)
            if let other = byNormalisedName[normalised] {
                diagnostics.append(.error(
                    .mediaNameClash, at: SourceLocation(file: DisplayPath.of(file.path)),
                    "this file's name and that of media/\(Quoted.text(other)) are the same text in different Unicode forms",
                    suggestion: "keep one of them, or rename one"))
                return true
            }
            byNormalisedName[normalised] = file.relativePath
            return false
        }
        return files
    }

    static func chapterName(_ name: String) -> (Int, String)? {
        guard name.hasSuffix(".md") else { return nil }
        let stem = name.dropLast(3)
        let digits = stem.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let number = Int(digits), stem.dropFirst(digits.count).first == "-" else { return nil }
        let slug = String(stem.dropFirst(digits.count + 1))
        return isSlug(slug) ? (number, slug) : nil
    }

    static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && !text.hasPrefix("-") && !text.hasSuffix("-")
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    private static func suggestedSlug(_ name: String) -> String {
        let stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        let slug = HeadingSlugger.baseSlug(stem.replacingOccurrences(of: "_", with: " "))
            .unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        let text = String(String.UnicodeScalarView(slug)).trimmingCharacters(in: CharacterSet(charactersIn: "-0123456789"))
        return text.isEmpty ? "chapter" : text
    }
}
