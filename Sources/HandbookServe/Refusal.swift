import NIOHTTP1

/// A request the preview server does not answer with content. Each says why in fixed words: the
/// server repeats nothing the request sent.
enum Refusal: Equatable {
    case badRequest
    case foreignHost
    case foreignOrigin
    case notFound
    case methodNotAllowed
    case bodyNotAccepted
    case uriTooLong
    case headersTooLarge

    var status: HTTPResponseStatus {
        switch self {
        case .badRequest: .badRequest
        case .foreignHost, .foreignOrigin: .forbidden
        case .notFound: .notFound
        case .methodNotAllowed: .methodNotAllowed
        case .bodyNotAccepted: .payloadTooLarge
        case .uriTooLong: .uriTooLong
        case .headersTooLarge: .requestHeaderFieldsTooLarge
        }
    }

    var explanation: String {
        switch self {
        case .badRequest: "The request is not one this server understands.\n"
        case .foreignHost: "This preview server answers only to the address it was started on, such as localhost.\n"
        case .foreignOrigin: "Only pages of this preview server may open its live-reload socket.\n"
        case .notFound: "Not found\n"
        case .methodNotAllowed: "This server answers GET and HEAD only.\n"
        case .bodyNotAccepted: "This server accepts no request bodies.\n"
        case .uriTooLong: "The request line is too long.\n"
        case .headersTooLarge: "The request headers are too large.\n"
        }
    }

    /// The whole response; the connection is closed after it.
    var head: HTTPResponseHead {
        var headers = HTTPHeaders([
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Length", String(explanation.utf8.count)),
            ("Connection", "close"),
        ])
        headers.add(contentsOf: SafetyHeaders.fields)
        if self == .methodNotAllowed { headers.add(name: "Allow", value: "GET, HEAD") }
        return HTTPResponseHead(version: .http1_1, status: status, headers: headers)
    }
}
