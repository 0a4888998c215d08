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
    /// The parts, in order, whether or not they hold chapters.
    var parts: [HandbookPart] = []
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
        inventory.scanChapters(realRoot: realRoot, diagnostics: &diagnostics)
        var slugs: [String: String] = [:]
        for chapter in inventory.chapters {
            if let other = slugs[chapter.slug] {
                diagnostics.append(.error(
                    .chapterDuplicate, at: SourceLocation(file: DisplayPath.of(chapter.path)),
                    "this chapter's slug '\(chapter.slug)' is also used by \(other); both would be \(SiteLayout.chapterPage(chapter.slug))",
                    suggestion: "rename one of them"))
            }
            slugs[chapter.slug] = chapter.relativePath
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

    /// The chapters of `chapters/`, and its parts with theirs: parts and chapters outside any
    /// part are ordered together by their numbers, a part's chapters by theirs.
    private mutating func scanChapters(realRoot: String, diagnostics: inout [Diagnostic]) {
        let folder = root + "/chapters"
        // Sorted by (number, name) of the entry in chapters/, then of the chapter in its part.
        var ordered: [(key: [Int], names: [String], file: PageFile)] = []
        var numbers: [Int: String] = [:]
        func claim(_ number: Int, _ name: String, slug: String, at path: String, what: String, free: inout FreeNumbers) {
            if let other = numbers[number] {
                let renamed = free.take() + "-" + slug + (what == "part" ? "" : ".md")
                diagnostics.append(.error(
                    .chapterOrder, at: SourceLocation(file: DisplayPath.of(path)),
                    "this \(what) has the same number as \(other), so their order is unclear",
                    suggestion: "give each chapter and part its own number: rename it, for example to \(renamed)"))
            }
            numbers[number] = name
        }
        var partEntries: [(number: Int, part: HandbookPart)] = []
        let entries = Self.entries(in: folder, realRoot: realRoot, diagnostics: &diagnostics)
        var free = FreeNumbers(names: entries.map(\.name))
        for (name, isFolder) in entries {
            let path = folder + "/" + name
            if isFolder {
                guard let (number, slug) = Self.numberedName(name) else {
                    diagnostics.append(.error(
                        .partName, at: SourceLocation(file: DisplayPath.of(path)),
                        "a folder in chapters/ is a part, and its name must be a number, a hyphen and a slug of lower-case letters, digits and hyphens",
                        suggestion: "rename it, for example to \(free.take())-\(Self.suggestedSlug(name, fallback: "part"))"))
                    continue
                }
                claim(number, name + "/", slug: slug, at: path, what: "part", free: &free)
                guard let (part, files) = scanPart(folder: path, name: name, slug: slug, realRoot: realRoot, diagnostics: &diagnostics)
                else { continue }
                partEntries.append((number, part))
                ordered += files.map { ([number, $0.number], [name, $0.file.fileName], $0.file) }
            } else if name.hasSuffix(".md") {
                guard let (number, file) = chapter(name, at: path, partFolder: nil, free: &free, diagnostics: &diagnostics) else { continue }
                claim(number, name, slug: file.slug, at: path, what: "chapter", free: &free)
                ordered.append(([number], [name], file))
            } else {
                diagnostics.append(Self.ignored(path))
            }
        }
        ordered.sort { ($0.key.lexicographicallyPrecedes($1.key)) || ($0.key == $1.key && $0.names.lexicographicallyPrecedes($1.names)) }
        chapters = ordered.map(\.file)
        parts = partEntries.sorted { ($0.number, $0.part.folderName) < ($1.number, $1.part.folderName) }.map(\.part)
        var partIDs: [String: String] = [:]
        for part in parts {
            if let other = partIDs[part.id] {
                diagnostics.append(.error(
                    .partName, at: SourceLocation(file: DisplayPath.of(folder + "/" + part.folderName)),
                    "this part's slug '\(part.id)' is also used by \(other)/, so links to the two parts would meet",
                    suggestion: "rename one of the folders"))
            }
            partIDs[part.id] = part.folderName
        }
    }

    /// The part in `folder` and its chapters with their numbers; nil when it has no usable part.yml.
    private func scanPart(
        folder: String, name: String, slug: String, realRoot: String, diagnostics: inout [Diagnostic]
    ) -> (HandbookPart, [(number: Int, file: PageFile)])? {
        guard let part = Self.part(folder: folder, name: name, slug: slug, realRoot: self.realRoot, diagnostics: &diagnostics) else {
            return nil
        }
        var files: [(number: Int, file: PageFile)] = []
        var numbers: [Int: String] = [:]
        let entries = Self.entries(in: folder, realRoot: realRoot, diagnostics: &diagnostics)
        var free = FreeNumbers(names: entries.map(\.name))
        for (fileName, isFolder) in entries where fileName != Self.partConfigName {
            let path = folder + "/" + fileName
            if isFolder {
                diagnostics.append(.error(
                    .partNested, at: SourceLocation(file: DisplayPath.of(path)),
                    "this folder is inside the part \(name)/, but parts have one level only: its files are not read",
                    suggestion: "move its chapters into \(name)/, or make it a part of its own in chapters/"))
                continue
            }
            guard fileName.hasSuffix(".md") else {
                diagnostics.append(Self.ignored(path))
                continue
            }
            guard let (number, file) = chapter(fileName, at: path, partFolder: name, free: &free, diagnostics: &diagnostics) else { continue }
            if let other = numbers[number] {
                diagnostics.append(.error(
                    .chapterOrder, at: SourceLocation(file: DisplayPath.of(path)),
                    "this chapter has the same number as \(other) in the same part, so their order is unclear",
                    suggestion: "give each chapter of the part its own number: rename it, for example to \(free.take())-\(file.slug).md"))
            }
            numbers[number] = fileName
            files.append((number, file))
        }
        if files.isEmpty {
            diagnostics.append(.warning(
                .partEmpty, at: SourceLocation(file: DisplayPath.of(folder)),
                "the part \(Quoted.text(part.title)) has no chapters, so it is not shown",
                suggestion: "add a chapter such as \(name)/01-introduction.md, or remove the folder"))
        }
        return (part, files)
    }

    /// A chapter file and its number, or nil with the reason when its name will not do.
    private func chapter(
        _ name: String, at path: String, partFolder: String?, free: inout FreeNumbers, diagnostics: inout [Diagnostic]
    ) -> (Int, PageFile)? {
        guard let (number, slug) = Self.chapterName(name) else {
            diagnostics.append(.error(
                .chapterName, at: SourceLocation(file: DisplayPath.of(path)),
                "a chapter's file name must be a number, a hyphen and a slug of lower-case letters, digits and hyphens",
                suggestion: "rename it, for example to \(free.take())-\(Self.suggestedSlug(name)).md"))
            return nil
        }
        if let problem = Self.slugLengthProblem(slug, at: path) {
            diagnostics.append(problem)
            return nil
        }
        return (number, PageFile(path: path, fileName: name, slug: slug, root: realRoot, partFolder: partFolder))
    }

    /// The file that describes a part, in its folder.
    static let partConfigName = "part.yml"

    /// The part in `folder`, from its part.yml; nil when that is missing or unusable.
    private static func part(
        folder: String, name: String, slug: String, realRoot: String, diagnostics: inout [Diagnostic]
    ) -> HandbookPart? {
        let configPath = folder + "/" + partConfigName
        guard FileManager.default.fileExists(atPath: configPath) else {
            diagnostics.append(.error(
                .partConfigMissing, at: SourceLocation(file: DisplayPath.of(folder)),
                "this folder in chapters/ is a part, but it has no \(partConfigName), so its chapters are not read",
                suggestion: "create \(name)/\(partConfigName) with a line `title: ...`, or move the chapters out of the folder"))
            return nil
        }
        let read = SourceFileReader.read(
            ConfinedFile(path: configPath, root: realRoot), maxBytes: InputLimits.configBytes, what: partConfigName)
        let (part, problems) = HandbookPart.parse(read, folderName: name, slug: slug)
        diagnostics += problems
        return part
    }

    private static func ignored(_ path: String) -> Diagnostic {
        .warning(
            .contentIgnored, at: SourceLocation(file: DisplayPath.of(path)),
            "this file is ignored: only .md files are read here",
            suggestion: "rename it to .md, or move it to media/ if it is an image or download")
    }

    /// The visible entries of a folder, sorted, each with whether it is a folder; a link to
    /// something outside the content folder is reported and left out. The folder's real path is
    /// found once: an entry that is not a link is in it (a rebuild of a thousand chapters
    /// resolved every one of them before).
    private static func entries(in folder: String, realRoot: String, diagnostics: inout [Diagnostic]) -> [(name: String, isFolder: Bool)] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        let realFolder = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        var result: [(name: String, isFolder: Bool)] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = folder + "/" + name
            var status = stat()
            var found = lstat(path, &status) == 0
            let isLink = found && status.st_mode & S_IFMT == S_IFLNK
            let real = isLink ? URL(fileURLWithPath: path).resolvingSymlinksInPath().path : realFolder + "/" + name
            if !real.hasPrefix(realRoot) {
                diagnostics.append(.error(
                    .contentOutside, at: SourceLocation(file: DisplayPath.of(path)),
                    "this is a link to a file outside the content folder, which is not read",
                    suggestion: "copy the file into the content folder instead of linking to it"))
                continue
            }
            if isLink {
                found = stat(path, &status) == 0
            }
            result.append((name, found && status.st_mode & S_IFMT == S_IFDIR))
        }
        return result
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
        var result: [String] = []
        for (name, _) in entries(in: folder, realRoot: realRoot, diagnostics: &diagnostics) {
            if name.hasSuffix(".md") {
                result.append(name)
            } else {
                diagnostics.append(ignored(folder + "/" + name))
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
        return numberedName(String(name.dropLast(3)))
    }

    /// `NN-slug`, as chapters' names are without `.md` and parts' folders are.
    static func numberedName(_ stem: String) -> (Int, String)? {
        guard let (number, digits) = numberPrefix(stem) else { return nil }
        let slug = String(stem.dropFirst(digits + 1))
        return isSlug(slug) ? (number, slug) : nil
    }

    /// The number a name starts with before its hyphen (`03` of `03-privacy.md`), and how many
    /// digits write it.
    static func numberPrefix(_ name: String) -> (number: Int, digits: Int)? {
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let number = Int(digits), name.dropFirst(digits.count).first == "-" else { return nil }
        return (number, digits.count)
    }

    static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && !text.hasPrefix("-") && !text.hasSuffix("-")
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    private static func suggestedSlug(_ name: String, fallback: String = "chapter") -> String {
        let stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        let slug = HeadingSlugger.baseSlug(stem.replacingOccurrences(of: "_", with: " "))
            .unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        let text = String(String.UnicodeScalarView(slug)).trimmingCharacters(in: CharacterSet(charactersIn: "-0123456789"))
        return text.isEmpty ? fallback : text
    }
}
