import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reads a subprocess's output pipe to its end with blocking reads on a thread of its own: never on the cooperative
/// pool, and without `FileHandle.readabilityHandler`, whose dispatch read sources, set up and torn down concurrently by
/// parallel tests, can crash libdispatch's event loop on Linux (a dangling epoll registration; see
/// swift-corelibs-libdispatch issue 949).
public enum PipeReader {
    /// Starts reading `handle` (a pipe's read end) on a new thread: `onData` for each chunk, then `onEnd` at end of file.
    /// The thread reads its own duplicate of the descriptor, so closing `handle` meanwhile cannot redirect its reads.
    public static func start(
        _ handle: FileHandle,
        onData: @escaping @Sendable (Data) -> Void,
        onEnd: @escaping @Sendable () -> Void
    ) {
        let descriptor = fcntl(handle.fileDescriptor, F_DUPFD_CLOEXEC, 0)
        guard descriptor >= 0 else {
            onEnd()
            return
        }
        let thread = Thread {
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count > 0 {
                    onData(Data(buffer[0..<count]))
                } else if count < 0, errno == EINTR {
                    continue
                } else {
                    break
                }
            }
            close(descriptor)
            onEnd()
        }
        thread.name = "switchyard-test-pipe-reader"
        thread.start()
    }
}
