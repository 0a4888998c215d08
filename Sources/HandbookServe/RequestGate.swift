import NIOCore
import NIOHTTP1

/// Decides, as soon as NIO has decoded a request head and before the server's own code sees it,
/// whether the request is answered at all: its `Host` must name this server (and an HTTP/1.1
/// request must have one), it must be a GET or HEAD of a path without a body, and a websocket
/// upgrade must be for the live-reload socket from one of this server's own pages. Anything else,
/// and a head the guard in front of the decoder found too long, gets a fixed refusal, after which
/// the connection is closed.
final class RequestGate: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private enum State {
        case open
        /// An allowed websocket upgrade: the gate leaves before the request's end is passed on, as
        /// the frames that may follow it are not HTTP.
        case upgrading
        /// Waiting for the responses to earlier requests to be written before refusing.
        case refusing(Refusal)
        case refused
    }

    private let hosts: AllowedHosts
    private let socketPath: String
    private let linger: TimeAmount
    private var state = State.open
    private var responsesOwed = 0
    private var port = 0
    private var endAfterRemoval: NIOAny?

    init(hosts: AllowedHosts, socketPath: String, linger: TimeAmount = .seconds(2)) {
        self.hosts = hosts
        self.socketPath = socketPath
        self.linger = linger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        port = context.channel.localAddress?.port ?? 0
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        if let end = endAfterRemoval {
            endAfterRemoval = nil
            context.fireChannelRead(end)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        switch (state, part) {
        case (.refusing, _), (.refused, _):
            return
        case (.upgrading, .end):
            endAfterRemoval = data
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
        case (.upgrading, _), (.open, .body):
            context.fireChannelRead(data)
        case (.open, .head(let head)):
            if let refusal = refusal(for: head) {
                refuse(refusal, context)
                return
            }
            if head.headers.contains(name: "upgrade") {
                state = .upgrading
            } else {
                responsesOwed += 1
            }
            context.fireChannelRead(data)
        case (.open, .end):
            context.triggerUserOutboundEvent(RequestHeadGuard.NextHead(), promise: nil)
            context.fireChannelRead(data)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let overflow = event as? RequestHeadGuard.Overflow {
            refuse(overflow == .requestLine ? .uriTooLong : .headersTooLarge, context)
        } else if case .refused = state, let event = event as? ChannelEvent, event == .inputClosed {
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    /// Bytes NIO cannot parse as a request are refused here like any other bad request: on a
    /// connection's first request Hummingbird's upgrade channel would otherwise leave it open and
    /// unanswered. After a refusal, whatever else the decoder makes of the client's bytes is not
    /// answered.
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        switch state {
        case .refusing, .refused: break
        case .open where error is HTTPParserError: refuse(.badRequest, context)
        case .open, .upgrading: context.fireErrorCaught(error)
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        context.write(data, promise: promise)
        guard case .end = unwrapOutboundIn(data) else { return }
        responsesOwed = max(0, responsesOwed - 1)
        if responsesOwed == 0, case .refusing(let refusal) = state { refuse(refusal, context) }
    }

    private func refusal(for head: HTTPRequestHead) -> Refusal? {
        let host = head.headers["Host"]
        if host.count > 1 || (host.isEmpty && head.version != .http1_0) { return .badRequest }
        if let host = host.first, !hosts.allowsHost(host, port: port) { return .foreignHost }
        guard head.uri.hasPrefix("/") else { return .badRequest }
        guard head.method == .GET || head.method == .HEAD else { return .methodNotAllowed }
        if head.headers.contains(name: "Transfer-Encoding") || head.headers["Content-Length"].contains(where: { $0 != "0" }) {
            return .bodyNotAccepted
        }
        if head.headers.contains(name: "Upgrade") {
            guard RequestTarget.path(of: head.uri) == socketPath else { return .notFound }
            let origin = head.headers["Origin"]
            if origin.count > 1 || origin.contains(where: { !hosts.allowsOrigin($0, port: port) }) { return .foreignOrigin }
        }
        return nil
    }

    private func refuse(_ refusal: Refusal, _ context: ChannelHandlerContext) {
        guard responsesOwed == 0 else {
            state = .refusing(refusal)
            return
        }
        state = .refused
        context.write(wrapOutboundOut(.head(refusal.head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: refusal.explanation)))), promise: nil)
        let linger = self.linger
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            // Closing with the client still sending would reset the connection, and the answer
            // with it: what it sends next is read and dropped until it closes, or for a moment.
            context.close(mode: .output, promise: nil)
            context.eventLoop.assumeIsolated().scheduleTask(in: linger) { context.close(promise: nil) }
        }
    }
}
