import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Adds the headers every response of the preview server carries: browsers are not to guess a
/// content type other than the one given, nor to keep a copy of a page that is about to change.
final class SafetyHeaders: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    static let fields = [("X-Content-Type-Options", "nosniff"), ("Cache-Control", "no-store")]

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .head(var head) = unwrapOutboundIn(data) else {
            context.write(data, promise: promise)
            return
        }
        for (name, value) in Self.fields {
            if let name = HTTPField.Name(name) { head.headerFields[name] = value }
        }
        context.write(wrapOutboundOut(.head(head)), promise: promise)
    }
}
