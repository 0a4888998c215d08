import Foundation
import HandbookMarkdown

/// Finds and reads the record of the previous edition, its handbook.json, named by
/// `--previous` or by `previous_edition` in handbook.yml, and compares the handbook with it.
enum PreviousEdition {
    /// `--previous` may name a file anywhere (the person running the build chose it);
    /// `previous_edition`, written in the content, must name one inside the content folder.
    static func history(
        of handbook: ResolvedHandbook, previousPath: String?, contentRoot: String, realContentRoot: String? = nil
    ) -> (EditionHistory, [Diagnostic]) {
        let config = handbook.config
        let path: String
        let location: SourceLocation
        let source: ConfinedFile
        if let given = previousPath {
            path = URL(fileURLWithPath: given).standardizedFileURL.path
            location = SourceLocation(file: DisplayPath.of(path))
            source = ConfinedFile(path: path, root: nil)
        } else if let configured = config.previousEdition {
            path = URL(fileURLWithPath: configured, relativeTo: URL(fileURLWithPath: contentRoot + "/")).standardizedFileURL.path
            location = config.previousEditionLocation ?? SourceLocation(file: DisplayPath.of(path))
            source = ConfinedFile(path: path, root: realContentRoot ?? ConfinedFile.realFolder(contentRoot))
        } else {
            return (EditionComparison.history(of: handbook), [])
        }
        // Without a usable record, the handbook is built as if it had no previous edition.
        func failed(_ problem: Diagnostic) -> (EditionHistory, [Diagnostic]) {
            (EditionComparison.history(of: handbook), [problem])
        }
        let file = SourceLocation(file: DisplayPath.of(path))
        let data: Data
        do {
            data = try source.read(maxBytes: InputLimits.recordBytes)
        } catch .missing {
            return failed(.error(
                .editionPreviousMissing, at: location, "there is no previous edition's record at '\(Quoted.text(DisplayPath.of(path)))'",
                suggestion: "give the handbook.json published with the previous edition; keep a copy in the content folder, such as editions/1.0.json"))
        } catch .outside {
            return failed(.error(
                .contentOutside, at: location,
                "the previous edition's record must be inside the content folder, and '\(Quoted.text(DisplayPath.of(path)))' is not",
                suggestion: "keep a copy in the content folder, such as editions/1.0.json, and name that"))
        } catch {
            return failed(source.diagnostic(error, what: "previous edition's record", location: location))
        }
        return history(of: handbook, record: data, file: file, location: location, shownPath: DisplayPath.of(path))
    }

    /// Compares the handbook with the record `data`, read from `file`, which `location` names.
    static func history(
        of handbook: ResolvedHandbook, record data: Data, file: SourceLocation, location: SourceLocation, shownPath: String
    ) -> (EditionHistory, [Diagnostic]) {
        let config = handbook.config
        func failed(_ problem: Diagnostic) -> (EditionHistory, [Diagnostic]) {
            (EditionComparison.history(of: handbook), [problem])
        }
        let record: HandbookIndex
        do {
            record = try JSONDecoder().decode(HandbookIndex.self, from: data)
        } catch {
            return failed(.error(
                .editionPreviousInvalid, at: file, "this is not a handbook.json that handbook wrote: \(describe(error))",
                suggestion: "give the handbook.json from the previous edition's site, unchanged"))
        }
        if let problem = PreviousRecordCheck.problem(in: record, grammar: config.ruleGrammar) {
            return failed(.error(
                .editionPreviousInvalid, at: file, "this is not a handbook.json that handbook wrote: \(problem)",
                suggestion: "give the handbook.json from the previous edition's site, unchanged"))
        }
        guard record.schemaVersion <= HandbookIndex.schemaVersion else {
            return failed(.error(
                .editionPreviousInvalid, at: file,
                "this record has schema version \(record.schemaVersion), newer than this tool's \(HandbookIndex.schemaVersion)",
                suggestion: "build with the version of handbook that wrote it, or a newer one"))
        }
        guard let previousEdition = record.edition else {
            return failed(.error(
                .editionPreviousUnnamed, at: file, "this record does not name its edition, so changes cannot say since when",
                suggestion: "set `edition` in that edition's handbook.yml and build it again, or add \"edition\" to the record"))
        }
        let configLocation = config.editionLocation ?? location
        guard let edition = config.edition else {
            return failed(.error(
                .editionUnnamed, at: configLocation,
                "comparing with edition \(previousEdition) needs this edition's name, and handbook.yml has no `edition`",
                suggestion: "add a line such as `edition: \"2\"` to handbook.yml"))
        }
        guard edition != previousEdition else {
            return failed(.error(
                .editionSameName, at: configLocation,
                "this edition and the previous one, in \(shownPath), are both called '\(Quoted.text(edition))'",
                suggestion: "give this edition its own name in handbook.yml, such as the next number"))
        }
        return EditionComparison.compare(handbook, with: record, edition: edition, previousEdition: previousEdition)
    }

    /// What a JSON decoder found wrong, with the path of the value in the record.
    private static func describe(_ error: any Error) -> String {
        func path(_ context: DecodingError.Context, _ key: (any CodingKey)? = nil) -> String {
            var path = ""
            for key in context.codingPath + (key.map { [$0] } ?? []) {
                if let index = key.intValue {
                    path += "[\(index)]"
                } else {
                    path += (path.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return path
        }
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "'\(path(context, key))' is missing"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "'\(path(context))' has the wrong kind of value"
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty ? "it is not valid JSON" : "'\(path(context))' is not valid"
        default:
            return "\(error)"
        }
    }
}
