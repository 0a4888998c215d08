import Foundation
import NIOCore

/// Why `handbook serve` could not start listening, said as one sentence with what to do.
public enum ServeProblem: Error, Equatable, CustomStringConvertible {
    case unknownHost(String)
    case portInUse(host: String, port: Int)
    case addressNotLocal(host: String)
    case portNeedsPrivileges(port: Int)
    case cannotListen(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .unknownHost(let host):
            "'\(host)' is neither an address nor a name this machine can resolve; give --host an address such as 127.0.0.1 or ::1, or the name localhost"
        case .portInUse(let host, let port):
            "port \(port) is already in use on \(host); stop the other server or choose another port with --port"
        case .addressNotLocal(let host):
            "cannot listen on \(host), which is not an address of this machine; choose one of its own with --host, such as 127.0.0.1"
        case .portNeedsPrivileges(let port):
            "port \(port) may only be used with administrator rights; choose a port above 1023 with --port"
        case .cannotListen(let host, let port, let reason):
            "cannot listen on \(host) port \(port) (\(reason)); choose another address with --host or another port with --port"
        }
    }

    /// The problem a failed bind stands for.
    init(binding error: any Error, host: String, port: Int) {
        guard let error = error as? IOError else {
            self = .cannotListen(host: host, port: port, reason: String(describing: error))
            return
        }
        switch error.errnoCode {
        case EADDRINUSE: self = .portInUse(host: host, port: port)
        case EADDRNOTAVAIL: self = .addressNotLocal(host: host)
        case EACCES: self = .portNeedsPrivileges(port: port)
        default: self = .cannotListen(host: host, port: port, reason: String(cString: strerror(error.errnoCode)))
        }
    }
}
