import NIOCore

/// Measures each request head on its way to NIO's HTTP decoder, which reports an over-long
/// request line and over-long headers as the same parse error: past the limits, the request gate
/// is told which was too long (414 or 431) and the rest of the bytes go nowhere. It also closes a
/// connection whose first request head has not arrived in time, and one whose later head is
/// sent too slowly. It finds line ends only; the parsing is NIO's.
final class RequestHeadGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// From the request gate, when a request has been read to its end: what follows is a new head.
    struct NextHead {}

    /// To the request gate, when a head is over a limit.
    enum Overflow: Equatable {
        case requestLine
        case head
    }

    private struct Count {
        var bytes = 0
        /// Bytes of the current line, line end left out.
        var line = 0
        var inRequestLine = true
    }

    private enum State {
        case head(Count)
        /// From the end of a head to the end of its request; for good after a websocket upgrade,
        /// whose frames are not HTTP.
        case passing
        case overflowed
    }

    private let limits: ServeLimits
    private var state = State.head(Count())
    private var deadline: Scheduled<Void>?

    init(limits: ServeLimits) {
        self.limits = limits
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { startClock(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        startClock(context)
        context.fireChannelActive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stopClock()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        while buffer.readableBytes > 0 {
            switch state {
            case .overflowed:
                return
            case .passing:
                context.fireChannelRead(wrapInboundOut(buffer))
                return
            case .head(var count):
                // A later request's clock starts with its first byte: the time spent answering the
                // one before is not the client's.
                startClock(context)
                let scanned = scan(buffer, &count)
                switch scanned {
                case .overflow(let overflow):
                    state = .overflowed
                    stopClock()
                    context.fireUserInboundEventTriggered(overflow)
                    return
                case .incomplete:
                    state = .head(count)
                    context.fireChannelRead(wrapInboundOut(buffer))
                    return
                case .complete(let length):
                    // The gate's NextHead for a request without a body comes back while the head
                    // is being decoded, so the bytes after it are measured as the next head.
                    state = .passing
                    stopClock()
                    let head = buffer.readSlice(length: length)!
                    context.fireChannelRead(wrapInboundOut(head))
                }
            }
        }
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard event is NextHead else {
            context.triggerUserOutboundEvent(event, promise: promise)
            return
        }
        if case .passing = state { state = .head(Count()) }
        promise?.succeed(())
    }

    private enum Scan {
        case incomplete
        case complete(length: Int)
        case overflow(Overflow)
    }

    private func scan(_ buffer: ByteBuffer, _ count: inout Count) -> Scan {
        let limits = self.limits
        return buffer.withUnsafeReadableBytes { bytes in
            for (index, byte) in bytes.enumerated() {
                count.bytes += 1
                switch byte {
                case UInt8(ascii: "\n"):
                    if count.inRequestLine {
                        // Empty lines before a request line are allowed, and skipped.
                        if count.line > 0 { count.inRequestLine = false }
                    } else if count.line == 0 {
                        return .complete(length: index + 1)
                    }
                    count.line = 0
                case UInt8(ascii: "\r"):
                    break
                default:
                    count.line += 1
                }
                if count.inRequestLine && count.line > limits.requestLine { return .overflow(.requestLine) }
                if count.bytes > limits.head { return .overflow(.head) }
            }
            return .incomplete
        }
    }

    private func startClock(_ context: ChannelHandlerContext) {
        guard deadline == nil else { return }
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: .init(limits.headTimeout)) {
            context.close(promise: nil)
        }
    }

    private func stopClock() {
        deadline?.cancel()
        deadline = nil
    }
}
