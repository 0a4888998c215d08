/// Where a build writes, and how what it wrote reaches the output folder: the one write path
/// of whole builds and of `serve`'s rebuilds. Made only with the output's lock held.
enum SiteTransaction {
    /// A whole build: a new staging folder beside the output replaces it when everything is
    /// written; files whose bytes did not change are linked from the old output.
    case staged(OutputFolder, SiteFolder)
    /// A rebuild: the output is written in place, each changed file first beside it, and all
    /// are renamed into place only when every one is written.
    case inPlace(OutputFolder, SiteFolder, PendingWrites)

    /// A staging folder for a whole build, after removing what killed builds left behind.
    static func staged(_ output: OutputFolder, writes: WriteLog?) throws -> SiteTransaction {
        output.removeLeftovers()
        return .staged(output, try output.makeStaging(writes: writes))
    }

    static func inPlace(_ output: OutputFolder, writes: WriteLog) throws -> SiteTransaction {
        let pending = try PendingWrites(beside: output)
        return .inPlace(output, SiteFolder(path: output.path, writes: writes, pending: pending), pending)
    }

    var folder: SiteFolder {
        switch self {
        case .staged(_, let folder), .inPlace(_, let folder, _): folder
        }
    }

    /// Makes what was written the output.
    func commit() throws {
        switch self {
        case .staged(let output, let folder):
            try output.replace(with: folder)
        case .inPlace(_, let folder, let pending):
            try pending.commit()
            folder.removeFilesNoLongerProduced(in: .pages)
        }
    }

    /// Throws away what was written; the output is as it was.
    func discard() {
        switch self {
        case .staged(_, let folder): folder.remove()
        case .inPlace(_, _, let pending): pending.discard()
        }
    }
}
