/// How much a client may send, and for how long it may take, before the preview server gives up
/// on it. A browser's requests are a few hundred bytes and arrive at once; anything far past that
/// is a mistake or an attack, and is answered without being read further.
public struct ServeLimits: Sendable, Equatable {
    /// Bytes of the request line: longer ones are answered 414 URI Too Long.
    public var requestLine: Int
    /// Bytes of the whole request head, request line and headers: more is answered 431.
    public var head: Int
    /// Time from the start of a request head to its end (from the connection's opening for the
    /// first one): a client still sending after that is disconnected.
    public var headTimeout: Duration
    /// Time a kept-alive connection may wait for its next request.
    public var idleTimeout: Duration

    public init(
        requestLine: Int = 8 * 1024, head: Int = 32 * 1024,
        headTimeout: Duration = .seconds(10), idleTimeout: Duration = .seconds(10)
    ) {
        self.requestLine = requestLine
        self.head = head
        self.headTimeout = headTimeout
        self.idleTimeout = idleTimeout
    }
}
