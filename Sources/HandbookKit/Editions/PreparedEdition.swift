/// An edition that has been made in memory and waits to be written.
struct PreparedEdition: Sendable {
    let kind: SiteEdition
    let progress: (message: String, step: Int)?
    let write: @Sendable (SiteFolder) throws -> DownloadSizes?
}
