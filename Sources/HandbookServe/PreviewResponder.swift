import Foundation
import HandbookKit
import Hummingbird

/// Answers the requests the gate let through, all GET or HEAD: the live-reload script, the
/// service-worker remover, and the files of the output folder, writing an edition first when one
/// of its files is asked for. HEAD gets GET's headers without the body.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let files: SiteFiles
    let cache: BuildCache
    let builds: BuildQueue
    let report: @Sendable (BuildReport) -> Void

    func respond(to request: Request, context: Context) async throws -> Response {
        let response = await response(for: request.uri.path)
        return request.method == .head ? response.createHeadResponse() : response
    }

    private func response(for target: String) async -> Response {
        guard let path = RequestTarget.path(of: target) else { return Self.response(SiteFiles.notFound) }
        switch path {
        case LiveReload.scriptPath:
            return Self.javaScript(LiveReload.script)
        case "/" + SiteLayout.serviceWorker:
            return Self.javaScript(LiveReload.serviceWorkerRemover)
        default:
            // The indexes and downloads are written when asked for, not after every change.
            if let edition = SiteEdition.containing(String(path.drop { $0 == "/" })) {
                let problems = await builds.run { [cache] in HandbookBuilder.updateEditions([edition], cache: cache) }
                if !problems.isEmpty { report(BuildReport(diagnostics: problems, pagesWritten: 0)) }
            }
            return Self.response(PreviewServer.served(path, from: files))
        }
    }

    private static func javaScript(_ text: String) -> Response {
        response(SiteFiles.Response(status: 200, contentType: "text/javascript; charset=utf-8", body: Data(text.utf8)))
    }

    private static func response(_ file: SiteFiles.Response) -> Response {
        Response(
            status: HTTPResponse.Status(code: file.status),
            headers: [.contentType: file.contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: file.body)))
    }
}
