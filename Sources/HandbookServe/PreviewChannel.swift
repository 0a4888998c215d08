import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOHTTP1

/// The pipeline of each connection: Hummingbird's HTTP/1 channel with the websocket upgrade, with
/// the request head guard in front of NIO's HTTP decoder and the request gate right after it.
struct PreviewChannel: ServerChildChannel {
    typealias Value = HTTP1WebSocketUpgradeChannel.Value

    private let http: HTTP1WebSocketUpgradeChannel
    private let limits: ServeLimits
    private let hosts: AllowedHosts
    private let connections: OpenConnections

    init(
        responder: @escaping HTTPChannelHandler.Responder, limits: ServeLimits, hosts: AllowedHosts,
        liveReload: LiveReload, connections: OpenConnections
    ) {
        self.limits = limits
        self.hosts = hosts
        self.connections = connections
        // NIO's own limits stay above the guard's, as a bound for bytes the guard lets through
        // unmeasured (a second request sent in the same packet as a first with a body).
        let decoder = HTTP1Channel.Configuration.DecoderConfiguration(
            maxHeaderFieldSize: limits.head, maxHeaderListSize: limits.head, maxHeaderFieldCount: 256)
        http = HTTP1WebSocketUpgradeChannel(
            responder: responder,
            configuration: .init(
                http1: .init(additionalChannelHandlers: [SafetyHeaders()], idleTimeout: .init(limits.idleTimeout), httpDecoderConfiguration: decoder),
                ws: .init()),
            shouldUpgrade: { request, _, _ in
                // The gate has let only requests for the socket through; checked again all the same.
                guard let path = request.path, RequestTarget.path(of: path) == LiveReload.socketPath else { return .dontUpgrade }
                return .upgrade([:]) { inbound, outbound, _ in await liveReload.serve(inbound, outbound) }
            })
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        connections.add(channel)
        do {
            try channel.pipeline.syncOperations.addHandler(RequestHeadGuard(limits: limits), position: .first)
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        let hosts = self.hosts
        return http.setup(channel: channel, logger: logger).assumeIsolated().flatMapThrowing { value in
            let decoder = try channel.pipeline.syncOperations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try channel.pipeline.syncOperations.addHandler(
                RequestGate(hosts: hosts, socketPath: LiveReload.socketPath), position: .after(decoder))
            return value
        }.nonisolated()
    }

    func handle(value: Value, logger: Logger) async {
        await http.handle(value: value, logger: logger)
    }
}
